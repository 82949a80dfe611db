import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { WatchEvent } from '../../api/types';
import type { Informers } from '../common/informers';
import { R, keyOf, splitKey } from '../common/kinds';
import { controllerOf } from '../common/owner-refs';
import { syncJob, type JobState } from './sync';
import { JOB_TRACKING_FINALIZER } from './status';
import { removeTrackingFinalizer } from './pods';

/** pkg/controller/job: runs pods to completion with back-off, deadlines, suspend and indexes. */
export class JobController implements Reconciler {
  readonly name = 'job';
  readonly queue: Queue;
  private readonly state: JobState = { backoffs: new Map(), deleted: new Set() };

  constructor(
    private readonly ctx: ClusterContext,
    private readonly informers: Informers,
  ) {
    this.queue = ctx.runtime.register(this);
    ctx.store.watch((e) => this.queue.add(keyOf(e.object)), { resource: R.jobs });
    ctx.store.watch((e) => this.onPod(e), { resource: R.pods });
  }

  reconcile(key: string): void {
    if (key.startsWith('orphan:')) return this.releaseOrphan(key.slice('orphan:'.length));
    const [ns, name] = splitKey(key);
    const job = this.ctx.store.peek(R.jobs, ns, name);
    if (!job) return;
    const recheckMs = syncJob(this.ctx, this.informers, job, this.state);
    if (recheckMs !== undefined) this.ctx.runtime.after(recheckMs, () => this.queue.add(key), { background: true, label: `job:${key}` });
  }

  private onPod(e: WatchEvent): void {
    const ref = controllerOf(e.object);
    if (ref?.kind !== 'Job') return;
    const ns = e.object.metadata.namespace!;
    const job = this.ctx.store.peek(R.jobs, ns, ref.name);
    if (job?.metadata.uid === ref.uid) this.queue.add(`${ns}/${ref.name}`);
    else if (e.type !== 'DELETED' && e.object.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) this.queue.add(`orphan:${ns}/${e.object.metadata.name}`);
  }

  /** enqueueOrphanPod / cleanupPodFinalizers: a pod whose Job is gone drops the tracking finalizer. */
  private releaseOrphan(podKey: string): void {
    const [ns, name] = splitKey(podKey);
    const pod = this.ctx.store.peek(R.pods, ns, name);
    const ref = pod && controllerOf(pod);
    if (!pod || !ref || this.ctx.store.peek(R.jobs, ns, ref.name)?.metadata.uid === ref.uid) return;
    if (pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) removeTrackingFinalizer(this.ctx, pod);
  }
}
