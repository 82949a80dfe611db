import { describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';

/** `kubectl run` / `kubectl expose` client-side output, from kubectl-fidelity.md §7.1 (real kubectl v1.32.4). */
describe('run --dry-run=client', () => {
  it('prints the Pod kubectl generates', async () => {
    const h = new FakeHost();
    expect((await h.run('run nginx --image=nginx --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: nginx\n  name: nginx\nspec:\n  containers:\n  - image: nginx\n    name: nginx\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
    expect((await h.run('run nginx --image=nginx --port=80 --labels=app=web,tier=fe --env=FOO=bar --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n    tier: fe\n  name: nginx\nspec:\n  containers:\n  - env:\n    - name: FOO\n      value: bar\n    image: nginx\n    name: nginx\n    ports:\n    - containerPort: 80\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
    expect((await h.run('run bb --image=busybox --restart=Never --dry-run=client -o yaml -- sleep 3600')).stdout).toContain(
      'spec:\n  containers:\n  - args:\n    - sleep\n    - "3600"\n    image: busybox\n    name: bb\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\n',
    );
    expect((await h.run("run bb --image=busybox --command --dry-run=client -o yaml -- sh -c 'echo hi'")).stdout).toContain('  - command:\n    - sh\n    - -c\n    - echo hi\n');
    expect((await h.run('run nginx --image=nginx --dry-run=client')).stdout).toBe('pod/nginx created (dry run)\n');
  });

  it('prints the Service first with --expose, then two --- lines and the Pod', async () => {
    const h = new FakeHost();
    expect((await h.run('run nginx --image=nginx --expose --port=80 --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  name: nginx\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    run: nginx\nstatus:\n  loadBalancer: {}\n---\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: nginx\n  name: nginx\nspec:\n  containers:\n  - image: nginx\n    name: nginx\n    ports:\n    - containerPort: 80\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
  });

  it('reports kubectl\'s run errors', async () => {
    const h = new FakeHost();
    expect((await h.run('run')).stderr).toBe("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
    expect((await h.run('run x --image=nginx --restart=Sometimes')).stderr).toBe("error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n"); // recorded from kubectl v1.32.4
    expect((await h.run('run x --image=UPPER')).stderr).toBe('error: Invalid image name "UPPER": invalid reference format\n');
    // Recorded from kubectl v1.32.4 (run.go's UsageErrorf validations: the help hint follows).
    const hint = "\nSee 'kubectl run -h' for help and examples\n";
    expect((await h.run('run x --image=nginx --rm')).stderr).toBe(`error: --rm should only be used for attached containers${hint}`);
    expect((await h.run('run x --image=nginx -t')).stderr).toBe(`error: -i/--stdin is required for containers with -t/--tty=true${hint}`);
    expect((await h.run('run x --image=nginx --expose')).stderr).toBe(`error: --port must be set when exposing a service${hint}`);
    expect((await h.run('run x --image=nginx -it --dry-run=client')).stderr).toBe(`error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)${hint}`);
  });

  it('creates the pod (and service) on the server', async () => {
    const h = new FakeHost();
    expect((await h.run('run web --image=nginx --port=80 --expose')).stdout).toBe('service/web created\npod/web created\n');
    expect(h.cluster.store.peek('services', 'default', 'web')?.spec.selector).toEqual({ run: 'web' });
  });
});

describe('expose', () => {
  it('builds the Service from the deployment (dry run) and creates it', async () => {
    const h = new FakeHost();
    await h.run('create deployment web --image=nginx --port=80');
    expect((await h.run('expose deployment web --port=80 --target-port=8080 --name=web-svc --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web-svc\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: web\nstatus:\n  loadBalancer: {}\n',
    );
    expect((await h.run('expose deployment web --type=NodePort')).stdout).toBe('service/web exposed\n');
    const svc = h.cluster.store.peek('services', 'default', 'web');
    expect(svc?.spec.ports[0]).toMatchObject({ port: 80, targetPort: 80, protocol: 'TCP' });
    expect(svc?.spec.type).toBe('NodePort');
    expect((await h.run('expose deployment web --port=8080')).stderr).toBe('Error from server (AlreadyExists): services "web" already exists\n');
  });
});

describe('expose errors (cmdutil.UsageErrorf in expose.go: the help hint follows)', () => {
  it('refuses a workload that declares no port, with the help hint', async () => {
    const h = new FakeHost();
    await h.run('create deployment apache --image=httpd');
    const r = await h.run('expose deploy apache --name apache-svc');
    expect(r.stderr).toBe("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n");
    expect(r.code).toBe(1);
    expect(h.cluster.store.peek('services', 'default', 'apache-svc')).toBeUndefined();
    expect((await h.run('expose deploy apache --name apache-svc --port 80')).stdout).toBe('service/apache-svc exposed\n');
  });
});
