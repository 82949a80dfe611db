import type { ClusterContext } from '../sim/context';
import type { KubeObject, WatchEvent } from '../api/types';
import type { KindDef } from '../api/registry';
import type { Rng } from '../base/rng';
import type { Queue } from '../sim/runtime';
import type { CycleState, NodeInfo, PluginStatus, SchedulerPlugin, SchedulerService } from './types';
import { SchedulerCache } from './cache';
import { DEFAULT_PLUGIN_ORDER, numFeasibleNodesToFind } from './plugin-order';
import { fitErrorMessage, NO_NODES_AVAILABLE } from './fit-error';
import { preempt, priorityOf } from './preemption';
import { isTerminalPod } from './node-info';
import { SchedulingQueue } from './queue';
import { isApiError } from '../api/errors';
import { IMAGE_NODE_COUNTS } from './plugins/image-locality';

const SCHEDULER_NAME = 'default-scheduler';
const SOURCE = { component: SCHEDULER_NAME };

/**
 * kube-scheduler's scheduleOne loop (pkg/scheduler/schedule_one.go) on the
 * virtual clock: pop the highest-priority pod, PreFilter → Filter (stop at the
 * first failing plugin per node) → PostFilter (preemption) → Score →
 * select (seeded tie-break) → PreBind → bind (spec.nodeName + PodScheduled).
 */
export class Scheduler implements SchedulerService {
  readonly cache = new SchedulerCache();
  private plugins: SchedulerPlugin[] = [];
  private readonly queue: SchedulingQueue;
  private readonly work: Queue;
  private readonly rng: Rng;
  private nextStartNodeIndex = 0;
  private podDef: KindDef;

  constructor(private readonly ctx: ClusterContext) {
    this.rng = ctx.rng.derive('scheduler');
    this.podDef = ctx.registry.forResource('pods', '')!;
    this.work = ctx.runtime.register({ name: 'scheduler', reconcile: () => this.runCycles() });
    this.queue = new SchedulingQueue(ctx, () => this.work.add('cycle'));
  }

  start(): void {
    const store = this.ctx.store;
    for (const n of store.peekList('nodes')) this.cache.upsertNode(n);
    for (const p of store.peekList('pods')) this.onPod({ type: 'ADDED', object: p });
    store.watch((e) => this.onNode(e), { resource: 'nodes' });
    store.watch((e) => this.onPod(e), { resource: 'pods' });
    for (const r of ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses.storage.k8s.io', 'csinodes.storage.k8s.io']) {
      store.watch(() => this.queue.moveAll(`${r} changed`, (s) => s.plugins.includes('VolumeBinding')), { resource: r });
    }
    store.watch((e) => e.type === 'ADDED' && this.queue.moveAll('namespace added', (s) => s.plugins.includes('InterPodAffinity')), { resource: 'namespaces' });
  }

  // ---- SchedulerService ----------------------------------------------------

  addPlugin(plugin: SchedulerPlugin): void {
    this.plugins = this.plugins.filter((p) => p.name !== plugin.name);
    this.plugins.push(plugin);
    const rank = (p: SchedulerPlugin) => {
      const i = DEFAULT_PLUGIN_ORDER.indexOf(p.name);
      return i < 0 ? DEFAULT_PLUGIN_ORDER.length : i;
    };
    this.plugins.sort((a, b) => rank(a) - rank(b));
  }

  requeueAll(reason: string): void {
    this.queue.moveAll(reason, () => true);
  }

  unschedulable(): { namespace: string; name: string; message: string }[] {
    return this.queue.unschedulableList();
  }

  // ---- event handlers (eventhandlers.go) ----------------------------------

  private onNode(e: WatchEvent): void {
    const n = e.object;
    if (e.type === 'DELETED') {
      this.cache.removeNode(n.metadata.name!);
      return;
    }
    this.cache.upsertNode(n);
    if (e.type === 'ADDED' || nodeSchedulingPropertiesChanged(n, e.old)) this.queue.moveAll('NodeChange', () => true);
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const deleted = e.type === 'DELETED';
    if (pod.spec?.nodeName || deleted) {
      this.queue.forget(key);
      const changed = this.cache.upsertPod(pod, deleted);
      const freed = deleted || (isTerminalPod(pod) && !isTerminalPod(e.old ?? pod)) || (changed && !pod.spec?.nodeName);
      if (freed) this.queue.moveAll('AssignedPodDelete', () => true);
      else if (changed) this.queue.moveAll('AssignedPodAdd', (s) => s.plugins.some((p) => p === 'InterPodAffinity' || p === 'PodTopologySpread'));
      return;
    }
    if ((pod.spec?.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME || pod.metadata.deletionTimestamp || isTerminalPod(pod)) return;
    if (pod.spec?.schedulingGates?.length) {
      this.markGated(pod);
      return;
    }
    // Status writes keep the same spec/labels instances: compare by identity before serialising.
    const specChanged = !e.old || (e.old.spec !== pod.spec && JSON.stringify(e.old.spec) !== JSON.stringify(pod.spec)) || (e.old.metadata.labels !== pod.metadata.labels && JSON.stringify(e.old.metadata.labels) !== JSON.stringify(pod.metadata.labels));
    if (specChanged) this.queue.addActive(key, priorityOf(pod));
  }

  private markGated(pod: KubeObject): void {
    const cond = { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' };
    this.setCondition(pod, cond, undefined);
  }

  // ---- the cycle ------------------------------------------------------------

  private runCycles(): void {
    for (let guard = 0; guard < 100_000; guard++) {
      const key = this.queue.pop();
      if (!key) return;
      this.scheduleOne(key);
    }
  }

  private scheduleOne(key: string): void {
    const [ns, name] = key.split('/');
    const pod = this.ctx.store.peek('pods', ns, name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp || isTerminalPod(pod)) return;
    const nodes = this.cache.list();
    if (!nodes.length) return this.fail(pod, key, NO_NODES_AVAILABLE, []);
    const state: CycleState = new Map();
    state.set(IMAGE_NODE_COUNTS, this.cache.imageNodeCounts);
    state.set('InterPodAffinity/existingAnti', [...this.cache.antiAffinityPods.values()].map((x) => ({ pod: x.pod, node: this.cache.nodes.get(x.node)?.node })).filter((x) => x.node));
    const statuses = new Map<string, PluginStatus>();
    const pre = this.runPreFilter(pod, state, nodes);
    let feasible: NodeInfo[] = [];
    if (pre) for (const n of nodes) statuses.set(n.node.metadata.name!, pre);
    else feasible = this.findFeasible(pod, state, nodes, statuses);
    if (!feasible.length) return this.handleUnschedulable(pod, key, nodes, statuses, pre, state);
    const chosen = feasible.length === 1 ? feasible[0] : this.selectHost(pod, state, feasible, nodes);
    for (const p of this.plugins) {
      const st = p.preBind?.(pod, chosen.node.metadata.name!, state);
      if (st && st.code !== 'Success') return this.fail(pod, key, st.reasons.join(', '), [p.name]);
    }
    this.bind(pod, key, chosen.node.metadata.name!);
  }

  private runPreFilter(pod: KubeObject, state: CycleState, nodes: NodeInfo[]): PluginStatus | undefined {
    for (const p of this.plugins) {
      const st = p.preFilter?.(pod, state, nodes);
      if (st && st.code !== 'Success') return { ...st, plugin: p.name };
    }
    return undefined;
  }

  /** Runs the filters for one node, stopping at the first failure (RunFilterPlugins). */
  runFilters(pod: KubeObject, info: NodeInfo, state: CycleState): PluginStatus | undefined {
    for (const p of this.plugins) {
      if (!p.filter) continue;
      const st = p.filter(pod, info, state);
      if (st && st.code !== 'Success') return { ...st, plugin: p.name };
    }
    return undefined;
  }

  private findFeasible(pod: KubeObject, state: CycleState, nodes: NodeInfo[], statuses: Map<string, PluginStatus>): NodeInfo[] {
    const want = numFeasibleNodesToFind(nodes.length);
    const feasible: NodeInfo[] = [];
    const start = this.nextStartNodeIndex % nodes.length;
    let processed = 0;
    for (let i = 0; i < nodes.length && feasible.length < want; i++) {
      const info = nodes[(start + i) % nodes.length];
      processed++;
      const st = this.runFilters(pod, info, state);
      if (st) statuses.set(info.node.metadata.name!, st);
      else feasible.push(info);
    }
    this.nextStartNodeIndex = (start + processed) % nodes.length;
    return feasible;
  }

  private selectHost(pod: KubeObject, state: CycleState, feasible: NodeInfo[], all: NodeInfo[]): NodeInfo {
    // Scores and totals by position in `feasible`.
    const totals = new Float64Array(feasible.length);
    const scores: number[] = new Array(feasible.length);
    for (const p of this.plugins) {
      if (!p.score) continue;
      const weight = p.weight ?? 1;
      if (!p.normalizeScores) {
        for (let i = 0; i < feasible.length; i++) totals[i] += p.score(pod, feasible[i], state, all) * weight;
        continue;
      }
      for (let i = 0; i < feasible.length; i++) scores[i] = p.score(pod, feasible[i], state, all);
      p.normalizeScores(scores, pod, state);
      for (let i = 0; i < feasible.length; i++) totals[i] += scores[i] * weight;
    }
    // selectHost: reservoir sampling among the top scores, here with the seeded rng.
    let best: NodeInfo[] = [];
    let bestScore = -Infinity;
    for (let i = 0; i < feasible.length; i++) {
      const s = totals[i];
      if (s > bestScore) {
        bestScore = s;
        best = [feasible[i]];
      } else if (s === bestScore) best.push(feasible[i]);
    }
    return best.length === 1 ? best[0] : best[this.rng.int(best.length)];
  }

  private handleUnschedulable(pod: KubeObject, key: string, nodes: NodeInfo[], statuses: Map<string, PluginStatus>, pre: PluginStatus | undefined, state: CycleState): void {
    const result = preempt(pod, nodes, statuses, (p, info) => this.runFilters(p, info, state));
    const preMsg = pre ? pre.reasons.join(', ') : '';
    const msg = fitErrorMessage(nodes.length, preMsg, statuses, result.message);
    const plugins = [...new Set([...statuses.values()].map((s) => s.plugin ?? ''))].filter(Boolean);
    if (result.nominatedNode) this.evictVictims(pod, result.nominatedNode, result.victims);
    this.fail(pod, key, msg, plugins, result.nominatedNode);
  }

  private evictVictims(preemptor: KubeObject, node: string, victims: KubeObject[]): void {
    for (const v of victims) {
      // preemption.go prepareCandidate: DisruptionTarget condition, Preempted event, then delete.
      const cond = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: this.ctx.clock.nowRfc3339(), reason: 'PreemptionByScheduler', message: `${SCHEDULER_NAME}: preempting to accommodate a higher priority pod` };
      const fresh = this.ctx.store.peek('pods', v.metadata.namespace!, v.metadata.name!);
      if (!fresh) continue;
      const conds = (fresh.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'DisruptionTarget');
      this.ctx.store.update({ ...fresh, status: { ...fresh.status, conditions: [...conds, cond] } }, { subresource: 'status' });
      this.record(fresh, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${node}`);
      try {
        this.ctx.store.delete(this.podDef, v.metadata.namespace!, v.metadata.name!);
      } catch {
        // already gone
      }
    }
  }

  private fail(pod: KubeObject, key: string, message: string, plugins: string[], nominated?: string): void {
    this.record(pod, 'Warning', 'FailedScheduling', message);
    const cond = { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message };
    this.setCondition(pod, cond, nominated);
    this.queue.markUnschedulable(key, priorityOf(pod), message, plugins);
  }

  private setCondition(pod: KubeObject, cond: Record<string, string>, nominated: string | undefined): void {
    const fresh = this.ctx.store.peek('pods', pod.metadata.namespace!, pod.metadata.name!);
    if (!fresh) return;
    const conds: Record<string, unknown>[] = fresh.status?.conditions ?? [];
    const old = conds.find((c) => c.type === cond.type);
    const same = old && old.status === cond.status && old.reason === cond.reason && old.message === cond.message;
    if (same && (nominated === undefined || fresh.status?.nominatedNodeName === nominated)) return;
    const next = { lastProbeTime: null, lastTransitionTime: old && old.status === cond.status ? old.lastTransitionTime : this.ctx.clock.nowRfc3339(), ...cond };
    const status = { ...fresh.status, conditions: [...conds.filter((c) => c.type !== cond.type), next] };
    if (nominated) status.nominatedNodeName = nominated;
    this.ctx.store.update({ ...fresh, status }, { subresource: 'status' });
  }

  /**
   * pods/binding: spec.nodeName and condition PodScheduled=True in one write, as the binding
   * subresource stores them; event Scheduled about the pod as the scheduler saw it (before binding).
   */
  private bind(pod: KubeObject, key: string, node: string): void {
    const fresh = this.ctx.store.peek('pods', pod.metadata.namespace!, pod.metadata.name!);
    if (!fresh) return;
    this.queue.forget(key);
    const cond = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: this.ctx.clock.nowRfc3339() };
    try {
      this.ctx.store.bindPod(pod.metadata.namespace!, pod.metadata.name!, node, cond);
    } catch (e) {
      // Bound or deleted in the meantime: the pod's next watch event decides (handleBindingCycleError).
      if (isApiError(e)) return;
      throw e;
    }
    this.record(fresh, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`);
  }

  /** Events the API server refuses (terminating namespace) are dropped, as client-go's broadcaster does. */
  private record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    try {
      this.ctx.events.record(obj, type, reason, message, SOURCE);
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }
}

function nodeSchedulingPropertiesChanged(n: KubeObject, old: KubeObject | undefined): boolean {
  if (!old) return true;
  const pick = (x: KubeObject) =>
    JSON.stringify([x.spec?.unschedulable, x.spec?.taints, x.metadata.labels, x.status?.allocatable, (x.status?.conditions ?? []).map((c: { type: string; status: string }) => `${c.type}=${c.status}`)]);
  return pick(n) !== pick(old);
}
