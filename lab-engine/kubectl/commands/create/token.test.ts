import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../session/session';

/** create_token.go Run: the token ends with a newline on a terminal only. */
describe('kubectl create token', () => {
  let s: Session;
  beforeAll(async () => {
    s = await createSession({ seed: 1, topology: 'bare' });
    await s.run('kubectl create sa myuser');
  });

  it('ends the token with a newline at the terminal', async () => {
    const r = await s.run('kubectl create token myuser');
    expect(r.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('prints the bare token into a file, a pipe or $(…)', async () => {
    await s.run('kubectl create token myuser > token.txt');
    expect((await s.run('tail -c 1 token.txt | od -c | head -1')).stdout).not.toContain('\\n');
    expect((await s.run('kubectl create token myuser | wc -l')).stdout).toBe('0\n');
    expect((await s.run('T=$(kubectl create token myuser); echo "${#T}" | grep -c "^[0-9][0-9]*$"')).stdout).toBe('1\n');
  });

  // Recorded from kubectl v1.32.4 against the REST facade (create_token.go prints the TokenRequest with -o).
  it('prints the TokenRequest with -o', async () => {
    expect((await s.run('kubectl create token myuser -o name')).stdout).toBe('tokenrequest.authentication.k8s.io/myuser\n');
    const yaml = (await s.run('kubectl create token myuser -o yaml')).stdout.replace(/token: \S+/, 'token: T').replace(/expirationTimestamp: "[^"]+"/, 'expirationTimestamp: E');
    expect(yaml).toBe(`apiVersion: authentication.k8s.io/v1
kind: TokenRequest
metadata:
  creationTimestamp: null
  name: myuser
  namespace: default
spec:
  audiences:
  - https://kubernetes.default.svc.cluster.local
  boundObjectRef: null
  expirationSeconds: 3600
status:
  expirationTimestamp: E
  token: T
`);
    const json = (await s.run('kubectl create token myuser --duration=2h -o json')).stdout;
    expect(Object.keys(JSON.parse(json))).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(json).toContain('"metadata": {\n        "name": "myuser",\n        "namespace": "default",\n        "creationTimestamp": null\n    }');
    expect(json).toContain('"expirationSeconds": 7200,\n        "boundObjectRef": null');
    const exp = (await s.run("kubectl create token myuser -o jsonpath='{.status.expirationTimestamp}'")).stdout;
    expect(exp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((await s.run('kubectl create token myuser -o wide')).stderr).toContain('unable to match a printer suitable for the output format "wide"');
  });
});
