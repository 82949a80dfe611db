import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../sim/cluster';
import { FakeHost } from '../../testing/fake-host';

/** Recorded from kubectl v1.32.4 (tests/kubectl-oracle, scenario "statefulsets daemonsets replicasets"). */
describe('rollout status/history for StatefulSets and DaemonSets', () => {
  it('takes the partitioned path for the defaulted rollingUpdate and lists ControllerRevisions', async () => {
    const cluster = createCluster({ seed: 3, topology: 'default' });
    const h = new FakeHost(cluster);
    h.files.set('/root/sts.yaml', `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: redis, image: redis:7}]
`);
    await h.run('apply -f sts.yaml');
    cluster.settle({ maxMs: 60_000 });
    expect((await h.run('rollout status sts/db --watch=false')).stdout).toBe('partitioned roll out complete: 2 new pods have been updated...\n');
    expect((await h.run('rollout history sts/db')).stdout).toBe('statefulset.apps/db \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    const one = await h.run('rollout history sts/db --revision=1');
    expect(one.stdout.startsWith('statefulset.apps/db with revision #1\nPod Template:\n  Labels:\tapp=db\n  Containers:\n   redis:\n    Image:\tredis:7\n')).toBe(true);
    expect((await h.run('rollout history sts/db --revision=7')).stderr).toBe('error: unable to find the specified revision\n');
  });
});
