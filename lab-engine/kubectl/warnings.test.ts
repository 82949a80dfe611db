import { describe, expect, it } from 'vitest';
import { FakeHost } from './testing/fake-host';

/**
 * API warnings (the `Warning` response headers) printed by kubectl's warning
 * handler: `Warning: <text>` on stderr, once per distinct text per run
 * (rest.NewWarningWriter with Deduplicate), for every verb that talks to the API.
 */
const RESTRICTED = 'would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

function pod(name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;
}

async function warnedHost(): Promise<FakeHost> {
  const host = new FakeHost();
  await host.run('kubectl create namespace secure');
  await host.run('kubectl label namespace secure pod-security.kubernetes.io/warn=restricted');
  return host;
}

describe('kubectl prints API warnings', () => {
  it('PodSecurity warn mode: create, run, apply print the warning and still succeed', async () => {
    const host = await warnedHost();
    host.files.set('/root/a.yaml', pod('a'));
    expect(await host.run('kubectl -n secure apply -f a.yaml')).toEqual({ stdout: 'pod/a created\n', stderr: `Warning: ${RESTRICTED}\n`, code: 0 });
    expect((await host.run('kubectl -n secure run b --image=nginx')).stderr).toBe(`Warning: ${RESTRICTED.replaceAll('"c"', '"b"')}\n`);
    host.files.set('/root/c.yaml', pod('c'));
    expect((await host.run('kubectl -n secure create -f c.yaml')).stderr).toBe(`Warning: ${RESTRICTED}\n`);
  });

  it('the same text is printed once per run (Deduplicate); a new run prints it again', async () => {
    const host = await warnedHost();
    host.files.set('/root/two.yaml', `${pod('p1')}---\n${pod('p2')}`);
    expect(await host.run('kubectl -n secure apply -f two.yaml')).toEqual({ stdout: 'pod/p1 created\npod/p2 created\n', stderr: `Warning: ${RESTRICTED}\n`, code: 0 });
    host.files.set('/root/z.yaml', pod('z'));
    expect((await host.run('kubectl -n secure apply -f z.yaml')).stderr).toBe(`Warning: ${RESTRICTED}\n`);
  });

  it('labelling a namespace with an enforce level warns about existing pods (label verb)', async () => {
    const host = await warnedHost();
    host.files.set('/root/a.yaml', pod('a'));
    await host.run('kubectl -n secure apply -f a.yaml');
    const r = await host.run('kubectl label namespace secure pod-security.kubernetes.io/enforce=restricted');
    expect(r.stdout).toBe('namespace/secure labeled\n');
    expect(r.stderr).toBe('Warning: existing pods in namespace "secure" violate the new PodSecurity enforce level "restricted:latest"\nWarning: a: allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile\n');
  });

  it('--validate=warn: unknown fields are warnings, the object is created', async () => {
    const host = new FakeHost();
    host.files.set('/root/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\nbogus: 1\ndata:\n  a: b\n');
    expect(await host.run('kubectl apply -f cm.yaml --validate=warn')).toEqual({ stdout: 'configmap/cm created\n', stderr: 'Warning: unknown field "bogus"\n', code: 0 });
  });

  it('a verb without warnings prints none; a failed request prints only its error', async () => {
    const host = await warnedHost();
    expect((await host.run('kubectl -n secure get pods')).stderr).toBe('No resources found in secure namespace.\n');
    await host.run('kubectl label namespace secure pod-security.kubernetes.io/enforce=restricted');
    host.files.set('/root/a.yaml', pod('a'));
    const r = await host.run('kubectl -n secure apply -f a.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error from server \(Forbidden\): error when creating "a.yaml": pods "a" is forbidden: violates PodSecurity "restricted:latest": /);
    expect(r.stderr).not.toContain('Warning:');
  });
});
