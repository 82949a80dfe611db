import { describe, expect, it } from 'vitest';
import { bareCluster, podTemplate, recordWrites, runPod } from '../testing/fixture';
import { controllersOf } from '../index';
import { R } from '../common/kinds';

const rsObj = (replicas: number, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: podTemplate({ app: 'web' }), ...extra },
});

describe('ReplicaSet controller', () => {
  it('creates the missing pods in slow-start batches, with events and status, in one reconcile', () => {
    const c = bareCluster();
    c.api().create(rsObj(3));
    const rec = recordWrites(c);
    controllersOf(c).replicaSet.reconcile('default/web');
    const pods = c.store.peekList(R.pods, 'default');
    expect(pods.map((p) => p.metadata.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)]));
    const names = rec.objects.filter((o) => o.kind === 'Pod').map((o) => o.metadata.name);
    expect(rec.writes).toEqual([
      `create pods default/${names[0]}`,
      `EVENT SuccessfulCreate Created pod: ${names[0]}`,
      `create pods default/${names[1]}`,
      `EVENT SuccessfulCreate Created pod: ${names[1]}`,
      `create pods default/${names[2]}`,
      `EVENT SuccessfulCreate Created pod: ${names[2]}`,
      'update replicasets.apps default/web',
    ]);
    const pod = pods[0];
    const rs = c.store.peek(R.replicaSets, 'default', 'web')!;
    expect(pod.metadata.labels).toEqual({ app: 'web' });
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it('counts ready and available replicas, honouring minReadySeconds', () => {
    const c = bareCluster();
    c.api().create(rsObj(2, { minReadySeconds: 10 }));
    c.settle();
    for (const p of c.store.peekList(R.pods, 'default')) runPod(c, p);
    c.step();
    expect(c.store.peek(R.replicaSets, 'default', 'web')!.status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, observedGeneration: 1 });
    c.settle();
    expect(c.store.peek(R.replicaSets, 'default', 'web')!.status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
  });

  it('deletes unscheduled and not-ready pods before running ready ones when scaling down', () => {
    const c = bareCluster();
    const rs = c.api().create(rsObj(3));
    c.settle();
    const [a, b] = c.store.peekList(R.pods, 'default');
    runPod(c, a);
    runPod(c, b);
    c.step();
    const unscheduled = c.store.peekList(R.pods, 'default').find((p) => !p.spec.nodeName)!;
    c.api().update({ ...c.store.peek(R.replicaSets, 'default', 'web')!, spec: { ...rs.spec, replicas: 2 } });
    const rec = recordWrites(c);
    c.step();
    expect(rec.writes.slice(0, 2)).toEqual([`remove pods default/${unscheduled.metadata.name}`, `EVENT SuccessfulDelete Deleted pod: ${unscheduled.metadata.name}`]);
  });

  it('adopts matching orphans and releases pods whose labels no longer match', () => {
    const c = bareCluster();
    const api = c.api();
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    api.create(rsObj(1));
    c.settle();
    const pods = c.store.peekList(R.pods, 'default');
    expect(pods.map((p) => p.metadata.name)).toEqual(['stray']);
    expect(pods[0].metadata.ownerReferences?.[0].name).toBe('web');
    api.update({ ...pods[0], metadata: { ...pods[0].metadata, labels: { app: 'other' } } });
    c.settle();
    const after = c.store.peekList(R.pods, 'default');
    expect(after.length).toBe(2);
    expect(after.find((p) => p.metadata.name === 'stray')!.metadata.ownerReferences).toBeUndefined();
  });

  it('reports FailedCreate with the API message and a ReplicaFailure condition', () => {
    const c = bareCluster();
    c.store.admission.push({
      name: 'TestQuota',
      validate: (op, def) => {
        if (op === 'CREATE' && def.kind === 'Pod') {
          throw forbiddenQuota();
        }
      },
    });
    c.api().create(rsObj(2));
    const rec = recordWrites(c);
    controllersOf(c).replicaSet.reconcile('default/web');
    const msg = 'pods "web-x" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1';
    expect(rec.writes).toEqual([`EVENT FailedCreate Error creating: ${msg}`, 'update replicasets.apps default/web']);
    const rs = c.store.peek(R.replicaSets, 'default', 'web')!;
    expect(rs.status.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2026-01-05T09:00:00Z', reason: 'FailedCreate', message: msg }]);
  });
});

import { genericStatus } from '../../api/errors';
function forbiddenQuota() {
  return genericStatus(403, 'Forbidden', 'pods "web-x" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1');
}
