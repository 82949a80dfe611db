import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { KubeObject } from '../../api/types';
import { cloneJson } from '../../api/clone';
import { R, defOf, splitKey } from '../common/kinds';
import { tolerate } from '../common/claim';
import { recordEvent } from '../common/events';
import { toleratesTaint, type Taint, type Toleration } from '../common/scheduling';

const SOURCE = 'taint-eviction-controller';

/**
 * getMinTolerationTime (tainteviction/taint_eviction.go): undefined when a
 * NoExecute taint is not tolerated (evict now), Infinity when tolerated forever.
 */
export function minTolerationMs(tolerations: Toleration[], taints: Taint[]): number | undefined {
  let min = Infinity;
  for (const taint of taints) {
    const used = tolerations.filter((t) => toleratesTaint(t, taint));
    if (!used.length) return undefined;
    for (const t of used) if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) min = Math.min(min, Math.max(0, t.tolerationSeconds) * 1000);
  }
  return min;
}

/**
 * pkg/controller/tainteviction: pods on a node with NoExecute taints they do
 * not tolerate are deleted (after tolerationSeconds when tolerated for a
 * while), with the DisruptionTarget condition and the TaintManagerEviction event.
 */
export class TaintEvictionController implements Reconciler {
  readonly name = 'taint-eviction';
  readonly queue: Queue;
  /** Pod key -> scheduled eviction (virtual ms) and its timer. */
  private scheduled = new Map<string, { atMs: number; cancel: () => void }>();

  constructor(private readonly ctx: ClusterContext) {
    this.queue = ctx.runtime.register(this);
    ctx.store.watch((e) => {
      if (e.type === 'DELETED') return;
      const noExec = (n: KubeObject | undefined) => JSON.stringify((n?.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoExecute'));
      if (e.type === 'MODIFIED' && noExec(e.old) === noExec(e.object)) return;
      for (const p of ctx.store.peekList(R.pods)) if (p.spec?.nodeName === e.object.metadata.name) this.queue.add(`${p.metadata.namespace}/${p.metadata.name}`);
    }, { resource: R.nodes });
    ctx.store.watch((e) => {
      if (e.type === 'DELETED' || (e.old && e.old.spec?.nodeName === e.object.spec?.nodeName)) return;
      if (e.object.spec?.nodeName) this.queue.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
    }, { resource: R.pods });
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.ctx.store.peek(R.pods, ns, name);
    const node = pod?.spec?.nodeName ? this.ctx.store.peek(R.nodes, '', pod.spec.nodeName) : undefined;
    const taints: Taint[] = (node?.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoExecute');
    const prev = this.scheduled.get(key);
    if (!pod || pod.metadata.deletionTimestamp || !taints.length) {
      if (prev) this.cancel(key, pod);
      return;
    }
    const wait = minTolerationMs(pod.spec?.tolerations ?? [], taints);
    if (wait === Infinity) {
      if (prev) this.cancel(key, pod);
      return;
    }
    const atMs = this.ctx.clock.nowMs() + (wait ?? 0);
    if (prev && prev.atMs <= atMs) {
      if (prev.atMs <= this.ctx.clock.nowMs()) this.evict(key, pod);
      return;
    }
    prev?.cancel();
    if (atMs <= this.ctx.clock.nowMs()) return this.evict(key, pod);
    const cancel = this.ctx.runtime.at(atMs, () => this.queue.add(key), { background: true, label: `taint-eviction:${key}` });
    this.scheduled.set(key, { atMs, cancel });
  }

  private cancel(key: string, pod: KubeObject | undefined): void {
    this.scheduled.get(key)?.cancel();
    this.scheduled.delete(key);
    if (pod && !pod.metadata.deletionTimestamp) recordEvent(this.ctx, pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${pod.metadata.namespace}/${pod.metadata.name}`, SOURCE);
  }

  /** addConditionAndDeletePod. */
  private evict(key: string, pod: KubeObject): void {
    this.scheduled.delete(key);
    recordEvent(this.ctx, pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`, SOURCE);
    const conds = (pod.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'DisruptionTarget');
    conds.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: this.ctx.clock.nowRfc3339(), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    tolerate(() => this.ctx.api().updateStatus({ ...cloneJson(pod), status: { ...cloneJson(pod.status ?? {}), conditions: conds } }));
    tolerate(() => this.ctx.api().delete(defOf(this.ctx, R.pods), pod.metadata.namespace!, pod.metadata.name!));
  }
}
