import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { KubeObject } from '../../api/types';
import { cloneJson } from '../../api/clone';
import { R, defOf } from '../common/kinds';
import { tolerate } from '../common/claim';
import { isTerminal } from '../common/pods';
import { timeMs } from '../common/time';

/** kube-controller-manager defaults: --terminated-pod-gc-threshold, gcCheckPeriod, quarantineTime. */
export const TERMINATED_POD_GC_THRESHOLD = 12_500;
const GC_CHECK_PERIOD_MS = 20_000;
const QUARANTINE_MS = 40_000;

/**
 * pkg/controller/podgc: deletes terminated pods beyond the threshold (oldest
 * first), pods bound to nodes that are gone (after a 40 s quarantine, marked
 * Failed with DisruptionTarget DeletionByPodGC), and terminating pods that
 * were never scheduled.
 */
export class PodGcController implements Reconciler {
  readonly name = 'podgc';
  readonly queue: Queue;
  private missingSince = new Map<string, number>();

  constructor(
    private readonly ctx: ClusterContext,
    readonly threshold = TERMINATED_POD_GC_THRESHOLD,
  ) {
    this.queue = ctx.runtime.register(this);
    const tick = () => {
      this.queue.add('gc');
      ctx.runtime.after(GC_CHECK_PERIOD_MS, tick, { background: true, label: 'podgc' });
    };
    ctx.runtime.after(GC_CHECK_PERIOD_MS, tick, { background: true, label: 'podgc' });
  }

  reconcile(): void {
    const pods = this.ctx.store.peekList(R.pods);
    this.gcTerminated(pods);
    this.gcOrphaned(pods);
    this.gcUnscheduledTerminating(pods);
  }

  private gcTerminated(pods: KubeObject[]): void {
    const terminated = pods.filter((p) => isTerminal(p) && !p.metadata.deletionTimestamp);
    const excess = terminated.length - this.threshold;
    if (excess <= 0) return;
    const oldest = [...terminated].sort((a, b) => (timeMs(a.metadata.creationTimestamp) ?? 0) - (timeMs(b.metadata.creationTimestamp) ?? 0));
    for (const p of oldest.slice(0, excess)) this.forceDelete(p);
  }

  private gcOrphaned(pods: KubeObject[]): void {
    const nowMs = this.ctx.clock.nowMs();
    const nodes = new Set(this.ctx.store.peekList(R.nodes).map((n) => n.metadata.name));
    for (const name of [...this.missingSince.keys()]) if (nodes.has(name)) this.missingSince.delete(name);
    for (const p of pods) {
      const node = p.spec?.nodeName;
      if (!node || nodes.has(node)) continue;
      const since = this.missingSince.get(node) ?? nowMs;
      this.missingSince.set(node, since);
      if (nowMs - since < QUARANTINE_MS) continue;
      this.markFailed(p, 'DeletionByPodGC', 'PodGC: node no longer exists');
      this.forceDelete(p);
    }
  }

  private gcUnscheduledTerminating(pods: KubeObject[]): void {
    for (const p of pods) if (p.metadata.deletionTimestamp && !p.spec?.nodeName) this.forceDelete(p);
  }

  private markFailed(p: KubeObject, reason: string, message: string): void {
    const conds = (p.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'DisruptionTarget');
    conds.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: this.ctx.clock.nowRfc3339(), reason, message });
    const status = { ...cloneJson(p.status ?? {}), conditions: conds };
    if (!isTerminal(p)) status.phase = 'Failed';
    tolerate(() => this.ctx.api().updateStatus({ ...cloneJson(p), status }));
  }

  private forceDelete(p: KubeObject): void {
    tolerate(() => this.ctx.api().delete(defOf(this.ctx, R.pods), p.metadata.namespace!, p.metadata.name!, { gracePeriodSeconds: 0 }));
  }
}
