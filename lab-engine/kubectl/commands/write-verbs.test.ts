import { describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';
import { APP, MULTI } from '../testing/manifests';

/**
 * The write verbs against the simulated API server, with the messages
 * recorded from kubectl v1.32.4 in kubectl-fidelity.md §4 and §7.2.
 */
async function hostWith(...lines: string[]): Promise<FakeHost> {
  const h = new FakeHost();
  for (const l of lines) {
    const r = await h.run(l);
    if (r.code !== 0) throw new Error(`setup failed: ${l}\n${r.stderr}`);
  }
  return h;
}


function node(name: string) {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: {} };
}

describe('create (server)', () => {
  it('creates with generators and reports AlreadyExists like kubectl', async () => {
    const h = await hostWith();
    expect(await h.run('create deployment web2 --image=nginx')).toEqual({ stdout: 'deployment.apps/web2 created\n', stderr: '', code: 0 });
    expect(await h.run('create deployment web2 --image=nginx')).toEqual({
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "web2" already exists\n',
      code: 1,
    });
    expect((await h.run('create namespace team-a')).stdout).toBe('namespace/team-a created\n');
    expect((await h.run('create configmap cfg2 --from-literal=a=b')).stdout).toBe('configmap/cfg2 created\n');
    expect((await h.run('create secret generic sec --from-literal=a=b')).stdout).toBe('secret/sec created\n');
    expect((await h.run('create serviceaccount bot')).stdout).toBe('serviceaccount/bot created\n');
    expect((await h.run('create role r1 --verb=get --resource=pods')).stdout).toBe('role.rbac.authorization.k8s.io/r1 created\n');
    expect((await h.run('create rolebinding rb1 --role=r1 --user=jane')).stdout).toBe('rolebinding.rbac.authorization.k8s.io/rb1 created\n');
    expect((await h.run('create clusterrolebinding crb1 --clusterrole=view --group=devs')).stdout).toBe('clusterrolebinding.rbac.authorization.k8s.io/crb1 created\n');
    expect((await h.run("create cronjob cj1 --image=busybox --schedule='*/5 * * * *'")).stdout).toBe('cronjob.batch/cj1 created\n');
    expect((await h.run('create job j1 --image=busybox')).stdout).toBe('job.batch/j1 created\n');
    expect((await h.run("create ingress ing1 --rule='foo.com/=web:80'")).stdout).toBe('ingress.networking.k8s.io/ing1 created\n');
    expect((await h.run('create pdb pdb1 --selector=app=web --min-available=1')).stdout).toBe('poddisruptionbudget.policy/pdb1 created\n');
    expect((await h.run('create quota q1 --hard=pods=10')).stdout).toBe('resourcequota/q1 created\n');
    expect((await h.run('create priorityclass pc1 --value=100')).stdout).toBe('priorityclass.scheduling.k8s.io/pc1 created\n');
    expect((await h.run('create configmap cfg2 -n team-a --from-literal=x=y')).stdout).toBe('configmap/cfg2 created\n');
    const cm = h.cluster.store.peek('configmaps', 'team-a', 'cfg2');
    expect(cm?.data).toEqual({ x: 'y' });
  });

  it('creates a Job from a CronJob (--from=cronjob/x)', async () => {
    const h = await hostWith("create cronjob nightly --image=busybox --schedule='0 0 * * *' -- date");
    expect((await h.run('create job manual --from=cronjob/nightly')).stdout).toBe('job.batch/manual created\n');
    const job = h.cluster.store.peek('jobs.batch', 'default', 'manual');
    expect(job?.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(job?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'nightly', controller: true });
    expect(job?.spec.template.spec.containers[0].command).toEqual(['date']);
  });

  it('create -f: one line per object, errors with the file name', async () => {
    const h = await hostWith();
    h.writeFile('app.yaml', APP);
    h.writeFile('multi.yaml', MULTI);
    expect(await h.run('create -f app.yaml')).toEqual({ stdout: 'deployment.apps/app created\n', stderr: '', code: 0 });
    expect(await h.run('create -f app.yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "app.yaml": deployments.apps "app" already exists\n',
      code: 1,
    });
    expect((await h.run('create -f multi.yaml')).stdout).toBe('configmap/cfg created\nservice/appsvc created\n');
    expect((await h.run('create -f multi.yaml')).stderr).toBe(
      'Error from server (AlreadyExists): error when creating "multi.yaml": configmaps "cfg" already exists\n' +
        'Error from server (AlreadyExists): error when creating "multi.yaml": services "appsvc" already exists\n',
    );
    expect((await h.run('create -f nope.yaml')).stderr).toBe('error: the path "nope.yaml" does not exist\n');
    expect((await h.run('create -f -', APP.replace('name: app\n', 'name: app2\n'))).stdout).toBe('deployment.apps/app2 created\n');
  });
});

describe('apply', () => {
  it('creates, leaves unchanged, configures, and warns about a missing annotation', async () => {
    const h = await hostWith();
    h.writeFile('multi.yaml', MULTI);
    h.writeFile('app.yaml', APP);
    h.writeFile('app-v2.yaml', APP.replace('replicas: 1', 'replicas: 2'));
    expect((await h.run('apply -f multi.yaml')).stdout).toBe('configmap/cfg created\nservice/appsvc created\n');
    expect((await h.run('apply -f multi.yaml')).stdout).toBe('configmap/cfg unchanged\nservice/appsvc unchanged\n');
    await h.run('create -f app.yaml');
    expect(await h.run('apply -f app.yaml')).toEqual({
      stdout: 'deployment.apps/app configured\n',
      stderr:
        'Warning: resource deployments/app is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
      code: 0,
    });
    expect((await h.run('apply -f app-v2.yaml')).stdout).toBe('deployment.apps/app configured\n');
    expect((await h.run('apply -f app-v2.yaml')).stdout).toBe('deployment.apps/app unchanged\n');
    const dep = h.cluster.store.peek('deployments.apps', 'default', 'app');
    expect(dep?.spec.replicas).toBe(2);
    expect(JSON.parse(dep?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] ?? '{}').spec.replicas).toBe(2);
  });

  it('removes fields dropped from the file but keeps fields set by others', async () => {
    const h = await hostWith();
    h.writeFile('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n  b: "2"\n');
    await h.run('apply -f cm.yaml');
    await h.run('label configmap c team=x');
    h.writeFile('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n');
    expect((await h.run('apply -f cm.yaml')).stdout).toBe('configmap/c configured\n');
    const cm = h.cluster.store.peek('configmaps', 'default', 'c');
    expect(cm?.data).toEqual({ a: '1' });
    expect(cm?.metadata.labels).toEqual({ team: 'x' });
  });

  it('applies a directory and stdin', async () => {
    const h = await hostWith();
    h.writeFile('/root/manifests/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    h.writeFile('/root/manifests/b.yml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
    h.writeFile('/root/manifests/notes.txt', 'ignored');
    expect((await h.run('apply -f manifests/')).stdout).toBe('configmap/a created\nconfigmap/b created\n');
    expect((await h.run('apply -f -', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n')).stdout).toBe('namespace/dev created\n');
    expect((await h.run('apply')).stderr).toBe('error: must specify one of -f and -k\n');
  });
});

describe('delete', () => {
  it('prints kubectl\'s deletion lines and errors', async () => {
    const h = await hostWith('create configmap cfg --from-literal=a=b', 'create namespace team-a');
    h.writeFile('multi.yaml', MULTI);
    expect(await h.run('delete configmap cfg')).toEqual({ stdout: 'configmap "cfg" deleted\n', stderr: '', code: 0 });
    expect(await h.run('delete pod nosuch')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nosuch" not found\n', code: 1 });
    expect(await h.run('delete pod nosuch --ignore-not-found')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await h.run('delete pods -l run=nothing')).toEqual({ stdout: 'No resources found\n', stderr: '', code: 0 });
    expect((await h.run('delete configmap cfg2 secret/sec')).stderr).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    );
    expect((await h.run('delete')).stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect((await h.run('delete pod')).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    await h.run('apply -f multi.yaml');
    expect((await h.run('delete -f multi.yaml')).stdout).toBe('configmap "cfg" deleted\nservice "appsvc" deleted\n');
    expect((await h.run('delete -f multi.yaml')).stderr).toBe(
      'Error from server (NotFound): error when deleting "multi.yaml": configmaps "cfg" not found\n' +
        'Error from server (NotFound): error when deleting "multi.yaml": services "appsvc" not found\n',
    );
    expect((await h.run('delete ns team-a')).stdout).toBe('namespace "team-a" deleted\n');
  });

  it('warns on --force --grace-period=0 and validates flags', async () => {
    const h = await hostWith('create configmap c');
    expect(await h.run('delete configmap c --force --grace-period=0')).toEqual({
      stdout: 'configmap "c" force deleted\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      code: 0,
    });
    expect((await h.run('delete configmap c --now --grace-period=5')).stderr).toBe('error: --now and --grace-period cannot be specified together\n');
    expect((await h.run('delete configmap c --cascade=sideways')).stderr).toBe(
      'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan".\n',
    );
    expect((await h.run('delete configmap c --all -l a=b')).stderr).toBe("error: setting 'all' parameter but found a non empty selector. \n"); // recorded from kubectl v1.32.4
  });
});

describe('label, annotate, scale, patch, set', () => {
  it('matches the recorded messages', async () => {
    const h = await hostWith('create deployment web --image=nginx');
    const out = async (l: string) => {
      const r = await h.run(l);
      return r.stdout + r.stderr;
    };
    expect(await out('label deployment web env=prod')).toBe('deployment.apps/web labeled\n');
    expect(await out('label deployment web env=dev')).toBe("error: 'env' already has a value (prod), and --overwrite is false\n");
    expect(await out('label deployment web env=dev --overwrite')).toBe('deployment.apps/web labeled\n');
    expect(await out('label deployment web env-')).toBe('deployment.apps/web unlabeled\n');
    expect(await out('label deployment web env-')).toBe('label "env" not found.\ndeployment.apps/web not labeled\n');
    expect(await out('annotate deployment web note=hello')).toBe('deployment.apps/web annotated\n');
    expect(await out('annotate deployment web note=again')).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello)\n",
    );
    expect(await out('scale deployment web --replicas=3')).toBe('deployment.apps/web scaled\n');
    expect(await out('scale deployment/web --replicas=3')).toBe('deployment.apps/web scaled\n');
    expect(await out('scale deploy nosuch --replicas=3')).toBe('error: no objects passed to scale deployments.apps "nosuch" not found\n');
    expect(await out('set image deployment/web nginx=nginx:1.26')).toBe('deployment.apps/web image updated\n');
    expect(await out('set image deployment/web nosuch=nginx:1.26')).toBe('error: unable to find container named "nosuch"\n');
    expect(await out('set env deployment/web FOO=bar')).toBe('deployment.apps/web env updated\n');
    expect(await out('set env deployment/web --list')).toBe('# Deployment web, container nginx\nFOO=bar\n');
    expect(await out('set resources deployment/web --limits=cpu=200m')).toBe('deployment.apps/web resource requirements updated\n');
    expect(await out(`patch deployment web -p '{"spec":{"replicas":4}}'`)).toBe('deployment.apps/web patched\n');
    expect(await out(`patch deployment web -p '{"spec":{"replicas":4}}'`)).toBe('deployment.apps/web patched (no change)\n');
    expect(await out(`patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2}]'`)).toBe('deployment.apps/web patched\n');
    const dep = h.cluster.store.peek('deployments.apps', 'default', 'web')!;
    const c = dep.spec.template.spec.containers[0];
    expect([dep.spec.replicas, c.image, c.env, c.resources]).toEqual([2, 'nginx:1.26', [{ name: 'FOO', value: 'bar' }], { limits: { cpu: '200m' } }]);
    expect(await out('expose deployment web --port=8080 --target-port=80 --name=web-exposed')).toBe('service/web-exposed exposed\n');
    expect(await out('autoscale deployment web --min=2 --max=5 --cpu-percent=80')).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    expect(await out('run test --image=nginx')).toBe('pod/test created\n');
    expect(await out('run test --image=nginx')).toBe('Error from server (AlreadyExists): pods "test" already exists\n');
    expect(await out('delete pod test')).toBe('pod "test" deleted\n');
  });

  it('label --list and --local -o yaml', async () => {
    const h = await hostWith('create deployment web --image=nginx');
    expect((await h.run('label deploy web --list')).stdout).toBe('app=web\n');
    h.writeFile('d.yaml', (await h.run('create deployment x --image=nginx --dry-run=client -o yaml')).stdout);
    const r = await h.run('label --local -f d.yaml tier=fe -o yaml');
    expect(r.stdout).toContain('  labels:\n    app: x\n    tier: fe\n');
  });
});

describe('nodes: cordon, taint, drain', () => {
  it('cordon/uncordon and taint messages', async () => {
    const h = await hostWith();
    h.cluster.api().create(node('node-1'));
    const out = async (l: string) => {
      const r = await h.run(l);
      return r.stdout + r.stderr;
    };
    expect(await out('cordon node-1')).toBe('node/node-1 cordoned\n');
    expect(await out('cordon node-1')).toBe('node/node-1 already cordoned\n');
    expect(await out('uncordon node-1')).toBe('node/node-1 uncordoned\n');
    expect(await out('uncordon node-1')).toBe('node/node-1 already uncordoned\n');
    expect(await out('taint nodes node-1 dedicated=special:NoSchedule')).toBe('node/node-1 tainted\n');
    expect(await out('taint nodes node-1 dedicated=special:NoSchedule')).toBe(
      'error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    );
    expect(await out('taint nodes node-1 dedicated=special:NoSchedule-')).toBe('node/node-1 untainted\n');
    expect(await out('taint nodes node-1 dedicated:NoSchedule-')).toBe('error: taint "dedicated:NoSchedule" not found\n');
  });

  it('drain refuses unmanaged pods, then evicts with --force', async () => {
    const h = await hostWith();
    const api = h.cluster.api();
    api.create(node('node-1'));
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crashy', namespace: 'default' }, spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'busybox' }] } });
    const r1 = await h.run('drain node-1');
    expect(r1).toEqual({
      stdout: 'node/node-1 cordoned\n',
      stderr:
        'error: unable to drain node "node-1" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/crashy, continuing command...\n' +
        'There are pending nodes to be drained:\n node-1\n' +
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/crashy\n',
      code: 1,
    });
    const r2 = await h.run('drain node-1 --ignore-daemonsets --force --grace-period=0');
    expect(r2.stderr).toBe('Warning: deleting Pods that declare no controller: default/crashy\n');
    expect(r2.stdout).toBe('node/node-1 already cordoned\nevicting pod default/crashy\npod/crashy evicted\nnode/node-1 drained\n');
    expect(r2.code).toBe(0);
  });
});

describe('edit and replace', () => {
  it('saves an edit, cancels an unchanged one', async () => {
    const h = await hostWith('create deployment web --image=nginx');
    h.edits.push((text) => text.replace('replicas: 1', 'replicas: 3'));
    expect(await h.run('edit deployment web')).toEqual({ stdout: 'deployment.apps/web edited\n', stderr: '', code: 0 });
    expect(h.edited[0].content.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n")).toBe(true);
    expect(h.cluster.store.peek('deployments.apps', 'default', 'web')?.spec.replicas).toBe(3);
    h.edits.push(null);
    expect(await h.run('edit deploy/web')).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', code: 0 });
  });

  it('reopens an invalid edit with the error block, then keeps a copy', async () => {
    const h = await hostWith('create deployment web --image=nginx');
    h.edits.push((text) => text.replace('replicas: 1', 'replicas: -1'));
    h.edits.push((text) => text);
    const r = await h.run('edit deployment web');
    expect(r.code).toBe(1);
    const reopened = h.edited[1].content;
    expect(reopened).toContain('#\n# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n');
    const file = h.edited[0].fileName;
    expect(file).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(r.stderr).toBe(`error: deployments.apps "web" is invalid\nA copy of your changes has been stored to "${file}"\nerror: Edit cancelled, no valid changes were saved.\n`);
    expect(h.readFile(file)).toContain('replicas: -1');
  });

  it('replace and replace --force', async () => {
    const h = await hostWith('create configmap c --from-literal=a=b');
    h.writeFile('c.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: z\n');
    expect((await h.run('replace -f c.yaml')).stdout).toBe('configmap/c replaced\n');
    expect((await h.run('replace --force -f c.yaml')).stdout).toBe('configmap "c" deleted\nconfigmap/c replaced\n');
    expect(h.cluster.store.peek('configmaps', 'default', 'c')?.data).toEqual({ a: 'z' });
    expect((await h.run('replace')).stderr).toBe("error: must specify --filename to replace\nSee 'kubectl replace -h' for help and examples\n");
  });
});

describe('diff, completion, view-last-applied', () => {
  it('diffs live against the would-be applied object like diff -u -N, exit 1 when different', async () => {
    const h = await hostWith();
    h.writeFile('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n');
    await h.run('apply -f cm.yaml');
    expect(await h.run('diff -f cm.yaml')).toEqual({ stdout: '', stderr: '', code: 0 });
    h.writeFile('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "2"\n');
    const r = await h.run('diff -f cm.yaml');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.c \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.c$/);
    expect(lines[1]).toMatch(/^--- \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.c\t2026-01-05 09:00:00\.000000000 \+0000$/);
    expect(r.stdout).toContain('\n-  a: "1"\n+  a: "2"\n');
    expect(r.stdout).toContain('@@ -1,6 +1,6 @@\n apiVersion: v1\n data:\n');
  });

  it('prints the recorded completion script and kubectl\'s usage errors', async () => {
    const h = await hostWith();
    const r = await h.run('completion bash');
    expect(r.stdout.startsWith('\n# Copyright 2016 The Kubernetes Authors.')).toBe(true);
    expect((await h.run('completion')).stderr).toBe("error: Shell not specified.\nSee 'kubectl completion -h' for help and examples\n");
    expect((await h.run('completion foo')).stderr).toBe('error: Unsupported shell type "foo".\nSee \'kubectl completion -h\' for help and examples\n');
  });

  it('apply view-last-applied prints the annotation', async () => {
    const h = await hostWith();
    h.writeFile('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n');
    await h.run('apply -f cm.yaml');
    expect((await h.run('apply view-last-applied configmap c')).stdout).toBe('apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  annotations: {}\n  name: c\n  namespace: default\n');
  });
});
