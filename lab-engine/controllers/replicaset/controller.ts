import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { KubeObject, WatchEvent } from '../../api/types';
import { matchesLabelSelector } from '../../api/selectors/label-selector';
import type { Informers } from '../common/informers';
import { R, keyOf, splitKey } from '../common/kinds';
import { controllerOf } from '../common/owner-refs';
import { RetryBackoff } from '../common/backoff';
import { syncReplicaSet } from './sync';

/**
 * pkg/controller/replicaset: keeps `spec.replicas` pods matching the
 * selector, owned through a controller reference.
 */
export class ReplicaSetController implements Reconciler {
  readonly name = 'replicaset';
  readonly queue: Queue;
  readonly backoff: RetryBackoff;

  constructor(
    private readonly ctx: ClusterContext,
    private readonly informers: Informers,
  ) {
    this.queue = ctx.runtime.register(this);
    this.backoff = new RetryBackoff(ctx.runtime, this.queue);
    ctx.store.watch((e) => this.queue.add(keyOf(e.object)), { resource: R.replicaSets });
    ctx.store.watch((e) => this.onPod(e), { resource: R.pods });
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = this.ctx.store.peek(R.replicaSets, ns, name);
    if (!rs) return;
    const ok = syncReplicaSet(this.ctx, this.informers, rs, (ms) => this.queue.addAfter(key, ms));
    if (ok) this.backoff.forget(key);
    else this.backoff.retry(key);
  }

  /** ReplicaSetController.addPod/updatePod/deletePod: queue the owner, or every matching RS for an orphan. */
  private onPod(e: WatchEvent): void {
    for (const pod of e.old ? [e.old, e.object] : [e.object]) {
      const ref = controllerOf(pod);
      if (ref) {
        if (ref.kind === 'ReplicaSet') this.queue.add(`${pod.metadata.namespace}/${ref.name}`);
        continue;
      }
      if (e.type === 'DELETED') continue;
      for (const rs of this.ctx.store.peekList(R.replicaSets, pod.metadata.namespace)) {
        if (matchesLabelSelector(rs.spec?.selector, pod.metadata.labels)) this.queue.add(keyOf(rs));
      }
    }
  }
}

export type { KubeObject };
