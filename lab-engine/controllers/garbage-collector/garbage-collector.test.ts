import { describe, expect, it } from 'vitest';
import { bareCluster, podTemplate, recordWrites } from '../testing/fixture';
import { controllersOf } from '../index';
import { R } from '../common/kinds';
import type { Cluster } from '../../sim/cluster';
import { newApiServer } from '../../api/testing/api-server';
import { GarbageCollector } from './controller';

const deploy = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: podTemplate({ app: 'web' }) },
};
const counts = (c: Cluster) => [R.deployments, R.replicaSets, R.pods].map((r) => c.store.peekList(r, 'default').length);
const ddef = (c: Cluster) => c.registry.resolve('deployments')!;

describe('garbage collector', () => {
  it('background deletion removes ReplicaSets and pods after the owner is gone', () => {
    const c = bareCluster();
    c.api().create(deploy);
    c.settle();
    expect(counts(c)).toEqual([1, 1, 2]);
    c.api().delete(ddef(c), 'default', 'web');
    expect(counts(c)).toEqual([0, 1, 2]);
    c.settle();
    expect(counts(c)).toEqual([0, 0, 0]);
  });

  it('foreground deletion keeps the owner with foregroundDeletion until blocking dependents are gone', () => {
    const c = bareCluster();
    c.api().create(deploy);
    c.settle();
    const rsName = c.store.peekList(R.replicaSets, 'default')[0].metadata.name!;
    // Hold one pod so the chain stays visible.
    const pod = c.store.peekList(R.pods, 'default')[0];
    c.api().update({ ...pod, metadata: { ...pod.metadata, finalizers: ['example.com/hold'] } });
    c.api().delete(ddef(c), 'default', 'web', { propagationPolicy: 'Foreground' });
    c.settle();
    const d = c.store.peek(R.deployments, 'default', 'web')!;
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion']);
    const rs = c.store.peek(R.replicaSets, 'default', rsName)!;
    expect(rs.metadata.deletionTimestamp).toBeDefined();
    expect(rs.metadata.finalizers).toEqual(['foregroundDeletion']);
    const held = c.store.peek(R.pods, 'default', pod.metadata.name!)!;
    c.api().update({ ...held, metadata: { ...held.metadata, finalizers: [] } });
    c.settle();
    expect(counts(c)).toEqual([0, 0, 0]);
  });

  it('orphan deletion strips ownerReferences and leaves the dependents', () => {
    const c = bareCluster();
    c.api().create(deploy);
    c.settle();
    const rsName = c.store.peekList(R.replicaSets, 'default')[0].metadata.name!;
    c.api().delete(c.registry.resolve('rs')!, 'default', rsName, { propagationPolicy: 'Orphan' });
    c.settle();
    // The Deployment makes a new ReplicaSet with the same name, which adopts the orphaned pods.
    const pods = c.store.peekList(R.pods, 'default');
    expect(pods.length).toBe(2);
    const newRs = c.store.peek(R.replicaSets, 'default', rsName)!;
    expect(pods.every((p) => p.metadata.ownerReferences?.[0].uid === newRs.metadata.uid)).toBe(true);
  });

  it('removes a dangling owner reference when another owner remains', () => {
    const c = bareCluster();
    const api = c.api();
    const a = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    const b = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'default' } });
    const ref = (o: typeof a) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: o.metadata.name!, uid: o.metadata.uid! });
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dep', namespace: 'default', ownerReferences: [ref(a), ref(b)] } });
    api.delete(c.registry.resolve('cm')!, 'default', 'a');
    c.settle();
    expect(c.store.peek('configmaps', 'default', 'dep')!.metadata.ownerReferences).toEqual([ref(b)]);
    api.delete(c.registry.resolve('cm')!, 'default', 'b');
    c.settle();
    expect(c.store.peek('configmaps', 'default', 'dep')).toBeUndefined();
  });

  it('one reconcile of a dependent whose owner is gone: a background delete guarded by its uid', () => {
    const c = bareCluster();
    const api = c.api();
    const owner = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dep', namespace: 'default', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid! }] } });
    c.step();
    c.store.remove(c.registry.resolve('cm')!, c.store.peek('configmaps', 'default', 'owner')!);
    const rec = recordWrites(c);
    controllersOf(c).garbageCollector.reconcile('configmaps|default|dep');
    expect(rec.writes).toEqual(['remove configmaps default/dep']);
  });

  it('sees the objects stored before it was installed (initial list): dangling dependents are collected', () => {
    const s = newApiServer();
    const owner = s.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
    const ref = (uid: string) => [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid }];
    s.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kept', namespace: 'default', ownerReferences: ref(owner.metadata.uid!) } });
    s.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dangling', namespace: 'default', ownerReferences: ref('00000000-0000-0000-0000-000000000000') } });
    new GarbageCollector(s);
    s.settle();
    expect(s.store.peekList('configmaps', 'default').map((c) => c.metadata.name).filter((n) => n !== 'kube-root-ca.crt')).toEqual(['kept', 'owner']);
    // And the graph knows the pre-existing owner: deleting it now collects its dependent.
    s.api().delete(s.registry.resolve('configmaps')!, 'default', 'owner');
    s.settle();
    expect(s.store.peek('configmaps', 'default', 'kept')).toBeUndefined();
  });
});
