import type { KubeObject } from '../../api/types';
import type { Taint } from '../common/scheduling';

/** v1.32 kube-controller-manager defaults (nodelifecycle config; grace period raised from 40 s to 50 s in v1.32). */
export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_MS = 50_000;
export const NODE_STARTUP_GRACE_MS = 60_000;

export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';

interface NodeCondition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/**
 * tryUpdateNodeHealth: a node silent for longer than the grace period gets
 * Ready/MemoryPressure/DiskPressure/PIDPressure = Unknown. Returns the new
 * conditions, or undefined when nothing changes.
 */
export function unknownConditions(node: KubeObject, now: string, neverPosted: boolean): NodeCondition[] | undefined {
  const conds: NodeCondition[] = node.status?.conditions ?? [];
  let changed = false;
  const out = conds.map((c) => ({ ...c }));
  for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
    const c = out.find((x) => x.type === type);
    if (!c) {
      out.push({ type, status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: now, reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' });
      changed = true;
    } else if (c.status !== 'Unknown') {
      Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now });
      changed = true;
    }
  }
  void neverPosted;
  return changed ? out : undefined;
}

export function readyStatus(node: KubeObject): string | undefined {
  return (node.status?.conditions as NodeCondition[] | undefined)?.find((c) => c.type === 'Ready')?.status;
}

/**
 * doNoExecuteTaintingPass + doNoScheduleTaintingPass: the taints the node's
 * conditions call for. NoExecute taints carry timeAdded; NoSchedule ones do not.
 * Taints not managed here keep their place; managed ones are added at the end.
 */
export function desiredTaints(node: KubeObject, now: string): Taint[] {
  const conds: NodeCondition[] = node.status?.conditions ?? [];
  const status = (t: string) => conds.find((c) => c.type === t)?.status;
  const ready = status('Ready');
  const want: Taint[] = [];
  if (ready === 'False') want.push({ key: NOT_READY, effect: 'NoExecute' });
  if (ready === 'Unknown') want.push({ key: UNREACHABLE, effect: 'NoExecute' });
  if (ready === 'False') want.push({ key: NOT_READY, effect: 'NoSchedule' });
  if (ready === 'Unknown') want.push({ key: UNREACHABLE, effect: 'NoSchedule' });
  if (status('MemoryPressure') === 'True') want.push({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' });
  if (status('DiskPressure') === 'True') want.push({ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' });
  if (status('PIDPressure') === 'True') want.push({ key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' });
  if (status('NetworkUnavailable') === 'True') want.push({ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' });
  if (node.spec?.unschedulable) want.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
  const managed = new Set([NOT_READY, UNREACHABLE, 'node.kubernetes.io/memory-pressure', 'node.kubernetes.io/disk-pressure', 'node.kubernetes.io/pid-pressure', 'node.kubernetes.io/network-unavailable', 'node.kubernetes.io/unschedulable']);
  const current: Taint[] = node.spec?.taints ?? [];
  const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
  const kept = current.filter((t) => !managed.has(t.key) || want.some((w) => same(w, t)));
  for (const w of want) if (!kept.some((t) => same(t, w))) kept.push(w.effect === 'NoExecute' ? { ...w, timeAdded: now } : w);
  return kept;
}
