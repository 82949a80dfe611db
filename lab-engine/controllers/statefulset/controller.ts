import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { Informers } from '../common/informers';
import { R, keyOf, splitKey } from '../common/kinds';
import { controllerOf } from '../common/owner-refs';
import { syncStatefulSet } from './sync';

/** pkg/controller/statefulset: stable, ordered pods with stable storage. */
export class StatefulSetController implements Reconciler {
  readonly name = 'statefulset';
  readonly queue: Queue;

  constructor(
    private readonly ctx: ClusterContext,
    private readonly informers: Informers,
  ) {
    this.queue = ctx.runtime.register(this);
    ctx.store.watch((e) => this.queue.add(keyOf(e.object)), { resource: R.statefulSets });
    ctx.store.watch((e) => {
      const ref = controllerOf(e.object);
      if (ref?.kind === 'StatefulSet') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
    }, { resource: R.pods });
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const set = this.ctx.store.peek(R.statefulSets, ns, name);
    if (!set) return;
    const recheckMs = syncStatefulSet(this.ctx, this.informers, set);
    if (recheckMs !== undefined) this.queue.addAfter(key, recheckMs);
  }
}
