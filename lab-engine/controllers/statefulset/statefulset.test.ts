import { describe, expect, it } from 'vitest';
import { bareCluster, podNames, runPod } from '../testing/fixture';
import { R } from '../common/kinds';
import type { Cluster } from '../../sim/cluster';

const stsObj = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    serviceName: 'nginx',
    replicas: 3,
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    ...spec,
  },
});
const sts = (c: Cluster) => c.store.peek(R.statefulSets, 'default', 'web')!;
const stsEvents = (c: Cluster) =>
  c.store.peekList('events', 'default').filter((e) => e.involvedObject.kind === 'StatefulSet').sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1)).map((e) => e.message);

/** Runs pods one step at a time, as the OrderedReady controller waits for each. */
function runOrdered(c: Cluster, rounds = 10) {
  for (let i = 0; i < rounds; i++) {
    c.step();
    const pending = c.store.peekList(R.pods, 'default').filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Running');
    if (!pending.length) break;
    for (const p of pending) runPod(c, p);
  }
  c.settle();
}

function gone(c: Cluster) {
  for (const p of c.store.peekList(R.pods, 'default')) if (p.metadata.deletionTimestamp) c.api().delete(c.registry.resolve('pods')!, 'default', p.metadata.name!, { gracePeriodSeconds: 0 });
}

describe('StatefulSet controller', () => {
  it('creates web-0 with its claim first and waits for it to be ready (OrderedReady)', () => {
    const c = bareCluster();
    c.api().create(stsObj());
    c.step();
    expect(podNames(c)).toEqual(['web-0']);
    const pod = c.store.peek(R.pods, 'default', 'web-0')!;
    const rev = sts(c).status.updateRevision;
    expect(rev).toMatch(/^web-\w+$/);
    expect(pod.metadata.labels).toEqual({ app: 'nginx', 'controller-revision-hash': rev, 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' });
    expect(pod.spec.hostname).toBe('web-0');
    expect(pod.spec.subdomain).toBe('nginx');
    expect(pod.spec.volumes).toEqual(expect.arrayContaining([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }]));
    const pvc = c.store.peek(R.pvcs, 'default', 'www-web-0')!;
    expect(pvc.metadata.labels).toEqual({ app: 'nginx' });
    expect(stsEvents(c)).toEqual(['create Claim www-web-0 Pod web-0 in StatefulSet web success', 'create Pod web-0 in StatefulSet web successful']);
    runOrdered(c);
    expect(podNames(c)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(sts(c).status).toEqual({ observedGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, currentRevision: rev, updateRevision: rev, collisionCount: 0, availableReplicas: 3 });
  });

  it('creates all pods at once with Parallel and scales down from the highest ordinal', () => {
    const c = bareCluster();
    c.api().create(stsObj({ podManagementPolicy: 'Parallel', volumeClaimTemplates: [] }));
    c.step();
    expect(podNames(c)).toEqual(['web-0', 'web-1', 'web-2']);
    runOrdered(c);
    c.api().update({ ...sts(c), spec: { ...sts(c).spec, replicas: 1, podManagementPolicy: 'Parallel' } });
    c.step();
    expect(podNames(c)).toEqual(['web-0']);
  });

  it('rolls out from the highest ordinal down to the partition', () => {
    const c = bareCluster();
    c.api().create(stsObj({ volumeClaimTemplates: [] }));
    runOrdered(c);
    const oldRev = sts(c).status.currentRevision;
    const s = sts(c);
    c.api().update({ ...s, spec: { ...s.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } }, template: { ...s.spec.template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
    for (let i = 0; i < 6; i++) {
      c.step();
      gone(c);
      runOrdered(c);
    }
    const revs = ['web-0', 'web-1', 'web-2'].map((n) => c.store.peek(R.pods, 'default', n)!.metadata.labels!['controller-revision-hash']);
    const newRev = sts(c).status.updateRevision;
    expect(newRev).not.toBe(oldRev);
    expect(revs).toEqual([oldRev, newRev, newRev]);
    expect(sts(c).status).toMatchObject({ currentRevision: oldRev, updateRevision: newRev, currentReplicas: 1, updatedReplicas: 2 });
    expect(stsEvents(c)).toContain('delete Pod web-2 in StatefulSet web successful');
    expect(c.store.peekList(R.controllerRevisions, 'default').map((r) => r.revision).sort()).toEqual([1, 2]);
  });
});
