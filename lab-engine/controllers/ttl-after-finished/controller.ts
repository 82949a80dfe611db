import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import { R, defOf, keyOf, splitKey } from '../common/kinds';
import { tolerate } from '../common/claim';
import { timeMs } from '../common/time';
import { finishTime } from '../job/status';

/**
 * pkg/controller/ttlafterfinished: deletes a finished Job (foreground, so its
 * pods go first) ttlSecondsAfterFinished after it completed or failed.
 */
export class TtlAfterFinishedController implements Reconciler {
  readonly name = 'ttl-after-finished';
  readonly queue: Queue;

  constructor(private readonly ctx: ClusterContext) {
    this.queue = ctx.runtime.register(this);
    ctx.store.watch((e) => e.type !== 'DELETED' && e.object.spec?.ttlSecondsAfterFinished != null && this.queue.add(keyOf(e.object)), { resource: R.jobs });
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const job = this.ctx.store.peek(R.jobs, ns, name);
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    if (!job || ttl == null || job.metadata.deletionTimestamp) return;
    const finished = timeMs(finishTime(job));
    if (finished === undefined) return;
    const left = finished + ttl * 1000 - this.ctx.clock.nowMs();
    if (left > 0) {
      this.ctx.runtime.after(left, () => this.queue.add(key), { background: true, label: `ttl:${key}` });
      return;
    }
    tolerate(() => this.ctx.api().delete(defOf(this.ctx, R.jobs), ns, name, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } }));
  }
}
