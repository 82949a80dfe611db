import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { KubeObject } from '../../api/types';
import { cloneJson, jsonEqual } from '../../api/clone';
import { isApiError } from '../../api/errors';
import type { Informers } from '../common/informers';
import { R, defOf, keyOf, splitKey } from '../common/kinds';
import { controllerOf } from '../common/owner-refs';
import { tolerate } from '../common/claim';
import { recordEvent } from '../common/events';
import { timeMs } from '../common/time';
import { formatRfc3339 } from '../../base/clock';
import { condition, isFinished } from '../job/status';
import { mostRecentScheduleTime, parseSchedule, rfc1123z, type Schedule } from './schedule';
import { jobForSchedule } from './job-from-cronjob';

const SOURCE = 'cronjob-controller';

interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  resourceVersion?: string;
  uid: string;
}

/** pkg/controller/cronjob (cronjob_controllerv2.go) on the virtual clock. */
export class CronJobController implements Reconciler {
  readonly name = 'cronjob';
  readonly queue: Queue;

  constructor(
    private readonly ctx: ClusterContext,
    private readonly informers: Informers,
  ) {
    this.queue = ctx.runtime.register(this);
    ctx.store.watch((e) => this.queue.add(keyOf(e.object)), { resource: R.cronJobs });
    ctx.store.watch((e) => {
      const ref = controllerOf(e.object);
      if (ref?.kind === 'CronJob') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
    }, { resource: R.jobs });
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const stored = this.ctx.store.peek(R.cronJobs, ns, name);
    if (!stored) return;
    const cj = cloneJson(stored);
    const jobs = this.informers.jobs.owned(cj.metadata.uid);
    this.syncActive(stored, cj, jobs);
    const nextMs = this.syncCronJob(stored, cj, jobs);
    this.cleanupFinishedJobs(stored, cj);
    this.writeStatus(stored, cj);
    if (nextMs !== undefined) this.ctx.runtime.at(nextMs + 100, () => this.queue.add(key), { background: true, label: `cronjob:${key}` });
  }

  /** The first half of syncCronJob: reconcile status.active with the Jobs that exist. */
  private syncActive(stored: KubeObject, cj: KubeObject, jobs: KubeObject[]): void {
    let active: ObjectRef[] = cj.status?.active ?? [];
    for (const job of jobs) {
      const inActive = active.some((r) => r.uid === job.metadata.uid);
      if (!inActive && !isFinished(job)) {
        active = [...active, jobRef(job)];
      } else if (inActive && isFinished(job)) {
        const type = condition(job, 'Complete') ? 'Complete' : 'Failed';
        recordEvent(this.ctx, stored, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${type}`, SOURCE);
        active = active.filter((r) => r.uid !== job.metadata.uid);
        const done = job.status?.completionTime;
        if (type === 'Complete' && done && (timeMs(done) ?? 0) > (timeMs(cj.status?.lastSuccessfulTime) ?? -1)) cj.status = { ...(cj.status ?? {}), lastSuccessfulTime: done };
      }
    }
    for (const ref of active) {
      if (jobs.some((j) => j.metadata.uid === ref.uid)) continue;
      recordEvent(this.ctx, stored, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`, SOURCE);
      active = active.filter((r) => r.uid !== ref.uid);
    }
    cj.status = { ...(cj.status ?? {}), active };
  }

  /** The scheduling half of syncCronJob. Returns when the next activation is due (ms since epoch). */
  private syncCronJob(stored: KubeObject, cj: KubeObject, jobs: KubeObject[]): number | undefined {
    if (cj.metadata.deletionTimestamp || cj.spec?.suspend) return undefined;
    let schedule: Schedule;
    try {
      schedule = parseSchedule(cj.spec.schedule, cj.spec.timeZone);
    } catch (e) {
      recordEvent(this.ctx, stored, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${(e as Error).message}`, SOURCE);
      return undefined;
    }
    const nowMs = this.ctx.clock.nowMs();
    let earliest = timeMs(cj.status?.lastScheduleTime) ?? timeMs(cj.metadata.creationTimestamp) ?? nowMs;
    const sds = cj.spec?.startingDeadlineSeconds;
    if (sds != null) earliest = Math.max(earliest, nowMs - sds * 1000);
    const recent = mostRecentScheduleTime(schedule, earliest, nowMs);
    if (recent.missed > 100) {
      recordEvent(this.ctx, stored, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew', SOURCE);
    }
    const next = schedule.next(nowMs);
    if (recent.timeMs === undefined) return next;
    const scheduled = recent.timeMs;
    if (sds != null && scheduled + sds * 1000 < nowMs) {
      recordEvent(this.ctx, stored, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`, SOURCE);
      return next;
    }
    const name = `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
    if (jobs.some((j) => j.metadata.name === name) || (cj.status.active as ObjectRef[]).some((r) => r.name === name)) return next;
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && cj.status.active.length) {
      recordEvent(this.ctx, stored, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', SOURCE);
      return next;
    }
    if (policy === 'Replace') this.replaceActive(stored, cj);
    this.createJob(stored, cj, scheduled);
    return next;
  }

  private replaceActive(stored: KubeObject, cj: KubeObject): void {
    for (const ref of cj.status.active as ObjectRef[]) {
      const job = this.ctx.store.peek(R.jobs, ref.namespace, ref.name);
      if (!job || job.metadata.uid !== ref.uid) continue;
      if (this.deleteJob(job)) recordEvent(this.ctx, stored, 'Normal', 'SuccessfulDelete', `Deleted job ${ref.name}`, SOURCE);
    }
    cj.status.active = [];
  }

  private createJob(stored: KubeObject, cj: KubeObject, scheduledMs: number): void {
    try {
      const job = this.ctx.api().create(jobForSchedule(stored, scheduledMs));
      recordEvent(this.ctx, stored, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`, SOURCE);
      cj.status.active = [...cj.status.active, jobRef(job)];
    } catch (e) {
      if (!isApiError(e)) throw e;
      if (e.code !== 409) recordEvent(this.ctx, stored, 'Warning', 'FailedCreate', `Error creating job: ${e.message}`, SOURCE);
    }
    cj.status.lastScheduleTime = formatRfc3339(scheduledMs);
  }

  /** cleanupFinishedJobs: keep successfulJobsHistoryLimit / failedJobsHistoryLimit finished Jobs. */
  private cleanupFinishedJobs(stored: KubeObject, cj: KubeObject): void {
    const jobs = this.informers.jobs.owned(cj.metadata.uid).filter((j) => isFinished(j) && !j.metadata.deletionTimestamp);
    const groups: [KubeObject[], number | undefined][] = [
      [jobs.filter((j) => condition(j, 'Complete')), cj.spec?.successfulJobsHistoryLimit ?? 3],
      [jobs.filter((j) => condition(j, 'Failed')), cj.spec?.failedJobsHistoryLimit ?? 1],
    ];
    for (const [list, limit] of groups) {
      if (limit == null || list.length <= limit) continue;
      const ordered = [...list].sort(byStartTime);
      for (const job of ordered.slice(0, list.length - limit)) {
        if (this.deleteJob(job)) recordEvent(this.ctx, stored, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, SOURCE);
      }
    }
  }

  private deleteJob(job: KubeObject): boolean {
    return !!tolerate(() => this.ctx.api().delete(defOf(this.ctx, R.jobs), job.metadata.namespace!, job.metadata.name!, { propagationPolicy: 'Background' }));
  }

  private writeStatus(stored: KubeObject, cj: KubeObject): void {
    const status = { ...cj.status };
    if (!status.active?.length) delete status.active;
    const fresh = this.ctx.store.peek(R.cronJobs, stored.metadata.namespace!, stored.metadata.name!);
    if (!fresh || jsonEqual(fresh.status ?? {}, status)) return;
    tolerate(() => this.ctx.api().updateStatus({ ...cloneJson(fresh), status }));
  }
}

function jobRef(job: KubeObject): ObjectRef {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name!, namespace: job.metadata.namespace!, resourceVersion: job.metadata.resourceVersion, uid: job.metadata.uid! };
}

/** byJobStartTime: older startTime first (none last), then name. */
function byStartTime(a: KubeObject, b: KubeObject): number {
  const x = timeMs(a.status?.startTime);
  const y = timeMs(b.status?.startTime);
  const byName = a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
  if (x === undefined || y === undefined) return x === y ? byName : x === undefined ? 1 : -1;
  return x !== y ? x - y : byName;
}
