import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { KubeObject } from '../../api/types';
import { cloneJson, jsonEqual } from '../../api/clone';
import { R, splitKey } from '../common/kinds';
import { tolerate } from '../common/claim';
import { recordEvent } from '../common/events';
import { timeMs } from '../common/time';
import { NODE_MONITOR_GRACE_MS, NODE_MONITOR_PERIOD_MS, NODE_STARTUP_GRACE_MS, desiredTaints, readyStatus, unknownConditions } from './health';

const SOURCE = 'node-controller';

interface Probe {
  heartbeat: string;
  probeMs: number;
}

/**
 * pkg/controller/nodelifecycle: every 5 s, nodes whose kubelet stopped
 * posting status or renewing its Lease for the grace period get Unknown
 * conditions; NoExecute/NoSchedule taints follow the conditions; pods on a
 * node that stops being ready are marked not ready.
 */
export class NodeLifecycleController implements Reconciler {
  readonly name = 'node-lifecycle';
  readonly queue: Queue;
  private probes = new Map<string, Probe>();

  constructor(private readonly ctx: ClusterContext) {
    this.queue = ctx.runtime.register(this);
    ctx.store.watch((e) => e.type !== 'DELETED' && this.queue.add(e.object.metadata.name!), { resource: R.nodes });
    ctx.store.watch((e) => e.type === 'DELETED' && this.probes.delete(e.object.metadata.name!), { resource: R.nodes });
    const tick = () => {
      for (const n of ctx.store.peekList(R.nodes)) this.queue.add(n.metadata.name!);
      ctx.runtime.after(NODE_MONITOR_PERIOD_MS, tick, { background: true, label: 'node-lifecycle:monitor' });
    };
    ctx.runtime.after(NODE_MONITOR_PERIOD_MS, tick, { background: true, label: 'node-lifecycle:monitor' });
  }

  reconcile(key: string): void {
    const [, name] = splitKey(key);
    const node = this.ctx.store.peek(R.nodes, '', name);
    if (!node) return;
    const before = readyStatus(node);
    this.updateHealth(node);
    const fresh = this.ctx.store.peek(R.nodes, '', name)!;
    const after = readyStatus(fresh);
    if (before === 'True' && after !== 'True') this.nodeNotReady(fresh);
    this.updateTaints(fresh);
  }

  /** The last time this controller saw the kubelet's heartbeat change (status or Lease), by the virtual clock. */
  private probe(node: KubeObject): Probe {
    const lease = this.ctx.store.peek(R.leases, 'kube-node-lease', node.metadata.name!);
    const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
    const heartbeat = `${ready?.lastHeartbeatTime ?? ''}|${lease?.spec?.renewTime ?? ''}`;
    const prev = this.probes.get(node.metadata.name!);
    if (prev && prev.heartbeat === heartbeat) return prev;
    // First sight: now, or the creation time for a node that never posted status (upstream nodeHealthData).
    const first = ready ? this.ctx.clock.nowMs() : (timeMs(node.metadata.creationTimestamp) ?? this.ctx.clock.nowMs());
    const p = { heartbeat, probeMs: prev ? this.ctx.clock.nowMs() : first };
    this.probes.set(node.metadata.name!, p);
    return p;
  }

  private updateHealth(node: KubeObject): void {
    const p = this.probe(node);
    const neverPosted = !(node.status?.conditions ?? []).some((c: { type: string }) => c.type === 'Ready');
    const grace = neverPosted ? NODE_STARTUP_GRACE_MS : NODE_MONITOR_GRACE_MS;
    const nowMs = this.ctx.clock.nowMs();
    if (nowMs <= p.probeMs + grace) return;
    const conditions = unknownConditions(node, this.ctx.clock.nowRfc3339(), neverPosted);
    if (!conditions) return;
    tolerate(() => this.ctx.api().updateStatus({ ...cloneJson(node), status: { ...cloneJson(node.status ?? {}), conditions } }));
  }

  /** RecordNodeStatusChange + MarkPodsNotReady. */
  private nodeNotReady(node: KubeObject): void {
    recordEvent(this.ctx, { ...node, metadata: { ...node.metadata, namespace: '' } }, 'Normal', 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`, SOURCE);
    const now = this.ctx.clock.nowRfc3339();
    for (const pod of this.ctx.store.peekList(R.pods)) {
      if (pod.spec?.nodeName !== node.metadata.name) continue;
      const conds = (pod.status?.conditions ?? []) as { type: string; status: string; lastTransitionTime?: string }[];
      const ready = conds.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      const next = conds.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c));
      if (tolerate(() => this.ctx.api().updateStatus({ ...cloneJson(pod), status: { ...cloneJson(pod.status), conditions: next } }))) {
        recordEvent(this.ctx, pod, 'Warning', 'NodeNotReady', 'Node is not ready', SOURCE);
      }
    }
  }

  private updateTaints(node: KubeObject): void {
    const taints = desiredTaints(node, this.ctx.clock.nowRfc3339());
    if (jsonEqual(taints, node.spec?.taints ?? [])) return;
    const next = cloneJson(node);
    next.spec = { ...(next.spec ?? {}) };
    if (taints.length) next.spec.taints = taints;
    else delete next.spec.taints;
    tolerate(() => this.ctx.api().update(next));
  }
}
