import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { Informers } from '../common/informers';
import { R, keyOf, splitKey } from '../common/kinds';
import { controllerOf } from '../common/owner-refs';
import { syncDaemonSet } from './sync';

/** pkg/controller/daemon: one pod per eligible node. */
export class DaemonSetController implements Reconciler {
  readonly name = 'daemonset';
  readonly queue: Queue;

  constructor(
    private readonly ctx: ClusterContext,
    private readonly informers: Informers,
  ) {
    this.queue = ctx.runtime.register(this);
    ctx.store.watch((e) => this.queue.add(keyOf(e.object)), { resource: R.daemonSets });
    ctx.store.watch((e) => {
      const ref = controllerOf(e.object);
      if (ref?.kind === 'DaemonSet') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
    }, { resource: R.pods });
    // Node added, relabelled, tainted or removed: every DaemonSet re-checks placement.
    ctx.store.watch((e) => {
      if (e.type === 'MODIFIED' && sameScheduling(e.old, e.object)) return;
      for (const ds of ctx.store.peekList(R.daemonSets)) this.queue.add(keyOf(ds));
    }, { resource: R.nodes });
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const ds = this.ctx.store.peek(R.daemonSets, ns, name);
    if (!ds) return;
    const recheckMs = syncDaemonSet(this.ctx, this.informers, ds);
    if (recheckMs !== undefined) this.queue.addAfter(key, recheckMs);
  }
}

function sameScheduling(a: { metadata: { labels?: unknown }; spec?: { taints?: unknown; unschedulable?: unknown } } | undefined, b: typeof a): boolean {
  return JSON.stringify([a?.metadata.labels, a?.spec?.taints]) === JSON.stringify([b?.metadata.labels, b?.spec?.taints]);
}
