import { describe, expect, it } from 'vitest';
import { addNodes, bareCluster, runPod } from '../testing/fixture';
import { R } from '../common/kinds';
import type { Cluster } from '../../sim/cluster';
import { minTolerationMs } from './taint-eviction';

function podOn(c: Cluster, name: string, tolerations?: unknown[]) {
  const p = c.api().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...(tolerations ? { tolerations } : {}) } });
  return runPod(c, p, 'node01');
}
const node = (c: Cluster) => c.store.peek(R.nodes, '', 'node01')!;

describe('node lifecycle and taint eviction', () => {
  it('marks a silent node Unknown after the grace period, taints it and marks its pods not ready', () => {
    const c = bareCluster();
    addNodes(c, [{ name: 'node01' }]);
    const pod = podOn(c, 'web');
    c.advance(50_000);
    expect(node(c).status.conditions[0].status).toBe('True');
    c.advance(5_000);
    const t = c.clock.nowRfc3339();
    expect(node(c).status.conditions).toEqual([
      { type: 'Ready', status: 'Unknown', lastHeartbeatTime: '2026-01-05T09:00:00Z', lastTransitionTime: t, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' },
      { type: 'MemoryPressure', status: 'Unknown', lastHeartbeatTime: '2026-01-05T09:00:00Z', lastTransitionTime: t, reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' },
      { type: 'DiskPressure', status: 'Unknown', lastHeartbeatTime: '2026-01-05T09:00:00Z', lastTransitionTime: t, reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' },
      { type: 'PIDPressure', status: 'Unknown', lastHeartbeatTime: '2026-01-05T09:00:00Z', lastTransitionTime: t, reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' },
    ]);
    expect(node(c).spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: t },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ]);
    const p = c.store.peek(R.pods, 'default', pod.metadata.name!)!;
    expect(p.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('False');
    const evs = c.store.peekList('events').map((e) => `${e.involvedObject.kind} ${e.reason} ${e.message}`);
    expect(evs).toEqual(expect.arrayContaining(['Node NodeNotReady Node node01 status is now: NodeNotReady', 'Pod NodeNotReady Node is not ready']));
  });

  it('evicts pods after their tolerationSeconds (default 300 s) with TaintManagerEviction', () => {
    const c = bareCluster();
    addNodes(c, [{ name: 'node01' }]);
    podOn(c, 'defaulted');
    podOn(c, 'quick', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }]);
    podOn(c, 'forever', [{ operator: 'Exists' }]);
    expect(c.store.peek(R.pods, 'default', 'defaulted')!.spec.tolerations).toEqual(
      expect.arrayContaining([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]),
    );
    c.advance(55_000);
    const deleting = () => c.store.peekList(R.pods, 'default').filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    c.advance(10_000);
    expect(deleting()).toEqual(['quick']);
    const quick = c.store.peek(R.pods, 'default', 'quick')!;
    expect(quick.status.conditions.at(-1)).toEqual({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: c.clock.nowRfc3339(), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    c.advance(290_000);
    expect(deleting()).toEqual(['defaulted', 'quick']);
    const ev = c.store.peekList('events', 'default').filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.message);
    expect(ev).toEqual(expect.arrayContaining(['Marking for deletion Pod default/quick', 'Marking for deletion Pod default/defaulted']));
  });

  it('computes the minimum toleration time', () => {
    const taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
    expect(minTolerationMs([], [taint])).toBeUndefined();
    expect(minTolerationMs([{ operator: 'Exists' }], [taint])).toBe(Infinity);
    expect(minTolerationMs([{ key: taint.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }], [taint])).toBe(30_000);
  });

  it('taints a cordoned node node.kubernetes.io/unschedulable:NoSchedule', () => {
    const c = bareCluster();
    addNodes(c, [{ name: 'node01' }]);
    c.api().update({ ...node(c), spec: { ...node(c).spec, unschedulable: true } });
    c.step();
    expect(node(c).spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]);
    c.api().update({ ...node(c), spec: { ...node(c).spec, unschedulable: false } });
    c.step();
    expect(node(c).spec.taints).toBeUndefined();
  });
});
