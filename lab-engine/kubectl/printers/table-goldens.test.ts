import { beforeAll, describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';
import { seedObjects } from '../testing-fixtures';
import { tableFixture } from '../testdata/table-fixture';

// Expected outputs: real kubectl v1.32.4 recordings, kubectl-fidelity.md §7.2.5.
let host: FakeHost;
beforeAll(() => {
  host = new FakeHost();
  const now = host.cluster.clock.nowMs();
  for (const o of host.cluster.store.peekList('services', 'kube-system')) host.cluster.store.delete(host.cluster.registry.forResource('services')!, 'kube-system', o.metadata.name!);
  seedObjects(host.cluster, tableFixture(now));
});

const cases: [string, string][] = [
  ['get pods --show-labels', `NAME                   READY   STATUS             RESTARTS       AGE   LABELS
crashy                 0/1     CrashLoopBackOff   5 (5m1s ago)   15m   run=crashy
web-7c5ddbdf54-abcde   1/1     Running            0              59m   app=web,pod-template-hash=7c5ddbdf54
web-7c5ddbdf54-fghij   1/1     Running            3 (5m1s ago)   59m   app=web,pod-template-hash=7c5ddbdf54
`],
  ['get pods -L app -L pod-template-hash', `NAME                   READY   STATUS             RESTARTS       AGE   APP   POD-TEMPLATE-HASH
crashy                 0/1     CrashLoopBackOff   5 (5m1s ago)   15m         
web-7c5ddbdf54-abcde   1/1     Running            0              59m   web   7c5ddbdf54
web-7c5ddbdf54-fghij   1/1     Running            3 (5m1s ago)   59m   web   7c5ddbdf54
`],
  ['get pods -L app/x,tier', `NAME                   READY   STATUS             RESTARTS       AGE   X     TIER
crashy                 0/1     CrashLoopBackOff   5 (5m1s ago)   15m         
web-7c5ddbdf54-abcde   1/1     Running            0              59m         
web-7c5ddbdf54-fghij   1/1     Running            3 (5m1s ago)   59m         
`],
  ['get pods -o name', 'pod/crashy\npod/web-7c5ddbdf54-abcde\npod/web-7c5ddbdf54-fghij\n'],
  ['get pods,svc', `NAME                       READY   STATUS             RESTARTS       AGE
pod/crashy                 0/1     CrashLoopBackOff   5 (5m1s ago)   15m
pod/web-7c5ddbdf54-abcde   1/1     Running            0              59m
pod/web-7c5ddbdf54-fghij   1/1     Running            3 (5m1s ago)   59m

NAME                 TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE
service/kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP        3d
service/web          ClusterIP   10.96.120.15   <none>        80/TCP         116m
service/web-np       NodePort    10.96.33.44    <none>        80:30080/TCP   10m
`],
  ['get pods,svc -o name', 'pod/crashy\npod/web-7c5ddbdf54-abcde\npod/web-7c5ddbdf54-fghij\nservice/kubernetes\nservice/web\nservice/web-np\n'],
  ['get pods -A', `NAMESPACE   NAME                   READY   STATUS             RESTARTS       AGE
default     crashy                 0/1     CrashLoopBackOff   5 (5m1s ago)   15m
default     web-7c5ddbdf54-abcde   1/1     Running            0              59m
default     web-7c5ddbdf54-fghij   1/1     Running            3 (5m1s ago)   59m
`],
  ['get pods -A -o wide --show-labels', `NAMESPACE   NAME                   READY   STATUS             RESTARTS       AGE   IP           NODE     NOMINATED NODE   READINESS GATES   LABELS
default     crashy                 0/1     CrashLoopBackOff   5 (5m1s ago)   15m   10.244.0.7   node-1   <none>           <none>            run=crashy
default     web-7c5ddbdf54-abcde   1/1     Running            0              59m   10.244.0.5   node-1   <none>           <none>            app=web,pod-template-hash=7c5ddbdf54
default     web-7c5ddbdf54-fghij   1/1     Running            3 (5m1s ago)   59m   10.244.0.6   node-1   <none>           <none>            app=web,pod-template-hash=7c5ddbdf54
`],
  ['get pods -l app=web', `NAME                   READY   STATUS    RESTARTS       AGE
web-7c5ddbdf54-abcde   1/1     Running   0              59m
web-7c5ddbdf54-fghij   1/1     Running   3 (5m1s ago)   59m
`],
  ['get pods --sort-by=.metadata.name -o name', 'pod/crashy\npod/web-7c5ddbdf54-abcde\npod/web-7c5ddbdf54-fghij\n'],
  ['get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName,MISSING:.status.nothing', `NAME                   IP           NODE     MISSING
crashy                 10.244.0.7   node-1   <none>
web-7c5ddbdf54-abcde   10.244.0.5   node-1   <none>
web-7c5ddbdf54-fghij   10.244.0.6   node-1   <none>
`],
  ['get pods -o custom-columns=NAME:.metadata.name,IMAGES:.spec.containers[*].image --no-headers', `crashy                 nginx:1.25
web-7c5ddbdf54-abcde   nginx:1.25
web-7c5ddbdf54-fghij   nginx:1.25
`],
  [`get pods -o jsonpath='{.items[*].metadata.name}'`, 'crashy web-7c5ddbdf54-abcde web-7c5ddbdf54-fghij'],
  [`get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'`, 'crashy\tRunning\nweb-7c5ddbdf54-abcde\tRunning\nweb-7c5ddbdf54-fghij\tRunning\n'],
  [`get pods -o jsonpath='{.items[0].metadata.name}'`, 'crashy'],
  [`get pod web-7c5ddbdf54-abcde -o jsonpath='{.metadata.labels}'`, '{"app":"web","pod-template-hash":"7c5ddbdf54"}'],
  [`get pods -o jsonpath='{.items[?(@.status.phase=="Running")].metadata.name}'`, 'crashy web-7c5ddbdf54-abcde web-7c5ddbdf54-fghij'],
  ['get pod web-7c5ddbdf54-abcde -o name', 'pod/web-7c5ddbdf54-abcde\n'],
  ['get cm', 'NAME               DATA   AGE\nkube-root-ca.crt   1      3d\n'],
  ['get svc -o wide', `NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE    SELECTOR
kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP        3d     <none>
web          ClusterIP   10.96.120.15   <none>        80/TCP         116m   app=web
web-np       NodePort    10.96.33.44    <none>        80:30080/TCP   10m    app=web
`],
];

describe('kubectl get tables match real kubectl v1.32.4', () => {
  for (const [cmd, want] of cases) {
    it(cmd, async () => {
      const r = await host.run(`kubectl ${cmd}`);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(want);
      expect(r.code).toBe(0);
    });
  }

  it('--no-headers sizes columns from data rows only', async () => {
    const r = await host.run('kubectl get pods --no-headers');
    expect(r.stdout).toBe(`crashy                 0/1   CrashLoopBackOff   5 (5m1s ago)   15m
web-7c5ddbdf54-abcde   1/1   Running            0              59m
web-7c5ddbdf54-fghij   1/1   Running            3 (5m1s ago)   59m
`);
  });

  it('empty results go to stderr', async () => {
    expect(await host.run('kubectl get pods -l app=nothing')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', code: 0 });
    expect(await host.run('kubectl get pods -l app=nothing -A')).toEqual({ stdout: '', stderr: 'No resources found\n', code: 0 });
    expect(await host.run('kubectl get pv')).toEqual({ stdout: '', stderr: 'No resources found\n', code: 0 });
    expect(await host.run('kubectl get deploy -n empty -o json')).toEqual({ stdout: '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n', stderr: '', code: 0 });
    expect(await host.run('kubectl get deploy -n empty -o yaml')).toEqual({ stdout: 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n', stderr: '', code: 0 });
  });

  it('errors', async () => {
    expect(await host.run('kubectl get pod nosuch')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nosuch" not found\n', code: 1 });
    expect(await host.run('kubectl get pods nosuch other')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nosuch" not found\nError from server (NotFound): pods "other" not found\n', code: 1 });
    expect(await host.run('kubectl get pod nosuch -o yaml')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nosuch" not found\n', code: 1 });
    expect(await host.run('kubectl get foo')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', code: 1 });
  });
});
