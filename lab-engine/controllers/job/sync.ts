import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../../api/types';
import { cloneJson, jsonEqual } from '../../api/clone';
import type { Informers } from '../common/informers';
import { claimObjects, tolerate } from '../common/claim';
import { isPodActive, isPodReady } from '../common/pods';
import { timeMs } from '../common/time';
import { recordEvent } from '../common/events';
import { podsToDelete } from '../replicaset/sync';
import * as st from './status';
import { SOURCE, createJobPods, deleteJobPods, removeTrackingFinalizer } from './pods';

/** In-memory back-off record per Job uid (job_controller.go backoffRecord). */
export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureMs: number;
}

interface Counts {
  succeeded: number;
  failed: number;
  completed: Set<number>;
}

/** DefaultJobPodFailureBackOff 10 s doubling, capped at MaxJobPodFailureBackOff (10 min). */
export function podFailureBackoffMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(10_000 * 2 ** (failures - 1), 600_000);
}

/** syncJob (job_controller.go). Returns when the Job wants another look (ms from now). */
export interface JobState {
  backoffs: Map<string, BackoffRecord>;
  /** uids of pods this controller deleted (suspend, excess, finish): not counted as failures. */
  deleted: Set<string>;
}

export function syncJob(ctx: ClusterContext, informers: Informers, stored: KubeObject, state: JobState): number | undefined {
  const backoffs = state.backoffs;
  const job = cloneJson(stored);
  const owned = informers.pods.owned(job.metadata.uid);
  if (st.isFinished(job) || job.metadata.deletionTimestamp) {
    // A finished or deleted Job only lets go of its pods (the tracking finalizer would keep them forever).
    for (const p of owned) if (p.metadata.finalizers?.includes(st.JOB_TRACKING_FINALIZER) && (!isPodActive(p) || job.metadata.deletionTimestamp)) removeTrackingFinalizer(ctx, p);
    return undefined;
  }
  const pods = claimObjects(ctx.api(), stored, job.spec?.selector, owned, informers.pods.orphans(job.metadata.namespace!));
  const suspended = !!job.spec?.suspend;
  const counts = countFinished(ctx, job, pods, state, suspended);
  const nowMs = ctx.clock.nowMs();
  const now = ctx.clock.nowRfc3339();
  const status = { ...cloneJson(job.status ?? {}) };
  let conds: st.JobCondition[] = status.conditions ?? [];
  if (!suspended && !status.startTime) status.startTime = now;
  let active = informers.pods.owned(job.metadata.uid).filter(isPodActive);
  let target = conds.find((c) => (c.type === 'FailureTarget' || c.type === 'SuccessCriteriaMet') && c.status === 'True');
  if (!target) {
    const t = failureOrSuccess(job, counts, active, status.startTime, nowMs);
    if (t) {
      conds = st.ensureCondition(conds, t.type, 'True', t.reason, t.message, now);
      target = conds.find((c) => c.type === t.type);
    }
  }
  let recheckMs: number | undefined;
  if (target) {
    deleteJobPods(ctx, job, active, state.deleted);
    active = [];
    const terminating = informers.pods.owned(job.metadata.uid).filter((p) => p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(p.status?.phase)).length;
    if (terminating === 0) conds = finish(ctx, stored, target, conds, status, now);
  } else if (suspended) {
    deleteJobPods(ctx, job, active, state.deleted);
    active = [];
    if (!st.condition(job, 'Suspended')) recordEvent(ctx, stored, 'Normal', 'Suspended', 'Job suspended', SOURCE);
    conds = st.ensureCondition(conds, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
    delete status.startTime;
  } else {
    if (st.condition(job, 'Suspended')) {
      conds = st.ensureCondition(conds, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
      recordEvent(ctx, stored, 'Normal', 'Resumed', 'Job resumed', SOURCE);
    }
    recheckMs = manageJob(ctx, job, active, counts, backoffs.get(job.metadata.uid!), nowMs, state.deleted);
    active = informers.pods.owned(job.metadata.uid).filter(isPodActive);
    const ads = job.spec?.activeDeadlineSeconds;
    if (ads !== undefined && ads !== null) {
      const left = (timeMs(status.startTime) ?? nowMs) + ads * 1000 - nowMs;
      recheckMs = Math.min(recheckMs ?? Infinity, Math.max(left, 0) + 1);
    }
  }
  writeStatus(ctx, stored, status, conds, counts, active, informers, job);
  return recheckMs;
}

/** Counts pods that finished since the last sync and drops their tracking finalizer. */
function countFinished(ctx: ClusterContext, job: KubeObject, pods: KubeObject[], state: JobState, suspended: boolean): Counts {
  const backoffs = state.backoffs;
  const counts: Counts = { succeeded: job.status?.succeeded ?? 0, failed: job.status?.failed ?? 0, completed: st.parseIndexes(job.status?.completedIndexes) };
  const indexed = job.spec?.completionMode === 'Indexed';
  for (const p of pods) {
    if (!p.metadata.finalizers?.includes(st.JOB_TRACKING_FINALIZER) || isPodActive(p)) continue;
    if (p.status?.phase === 'Succeeded') {
      const i = st.podIndex(p);
      if (!indexed) counts.succeeded++;
      else if (i !== undefined && i < (job.spec.completions ?? 0) && !counts.completed.has(i)) counts.completed.add(i), counts.succeeded++;
      backoffs.delete(job.metadata.uid!);
    } else if (p.status?.phase === 'Failed' || (!suspended && !state.deleted.has(p.metadata.uid!))) {
      counts.failed++;
      const b = backoffs.get(job.metadata.uid!) ?? { failuresAfterLastSuccess: 0, lastFailureMs: 0 };
      backoffs.set(job.metadata.uid!, { failuresAfterLastSuccess: b.failuresAfterLastSuccess + 1, lastFailureMs: ctx.clock.nowMs() });
    }
    state.deleted.delete(p.metadata.uid!);
    removeTrackingFinalizer(ctx, p);
  }
  return counts;
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure, container restarts of running pods count as retries. */
function pastBackoffLimitOnFailure(job: KubeObject, active: KubeObject[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of active) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += cs.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

function failureOrSuccess(job: KubeObject, c: Counts, active: KubeObject[], startTime: string | undefined, nowMs: number): { type: string; reason: string; message: string } | undefined {
  if (c.failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, active)) return { type: 'FailureTarget', ...st.BACKOFF_LIMIT };
  const ads = job.spec?.activeDeadlineSeconds;
  if (!job.spec?.suspend && ads !== undefined && ads !== null && startTime && (timeMs(startTime) ?? 0) + ads * 1000 <= nowMs) return { type: 'FailureTarget', ...st.DEADLINE };
  const completions = job.spec?.completions;
  const done =
    job.spec?.completionMode === 'Indexed' ? c.completed.size >= (completions ?? 0) : completions === undefined || completions === null ? c.succeeded > 0 && active.length === 0 : c.succeeded >= completions;
  return done ? { type: 'SuccessCriteriaMet', ...st.COMPLETIONS } : undefined;
}

/** The terminal condition, once no pod is terminating: Complete (with completionTime) or Failed. */
function finish(ctx: ClusterContext, job: KubeObject, target: st.JobCondition, conds: st.JobCondition[], status: KubeObject['status'], now: string): st.JobCondition[] {
  if (target.type === 'SuccessCriteriaMet') {
    status.completionTime = now;
    recordEvent(ctx, job, 'Normal', 'Completed', 'Job completed', SOURCE);
    return st.ensureCondition(conds, 'Complete', 'True', target.reason!, target.message!, now);
  }
  recordEvent(ctx, job, 'Warning', target.reason!, target.message!, SOURCE);
  return st.ensureCondition(conds, 'Failed', 'True', target.reason!, target.message!, now);
}

/** manageJob: bring the active pods to the wanted count (respecting the pod-failure back-off). */
function manageJob(ctx: ClusterContext, job: KubeObject, active: KubeObject[], c: Counts, backoff: BackoffRecord | undefined, nowMs: number, deleted: Set<string>): number | undefined {
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;
  const indexed = job.spec?.completionMode === 'Indexed';
  let toCreate: (number | undefined)[] = [];
  let excess: KubeObject[] = [];
  if (indexed) {
    const byIndex = new Map<number, KubeObject[]>();
    for (const p of active) byIndex.set(st.podIndex(p) ?? -1, [...(byIndex.get(st.podIndex(p) ?? -1) ?? []), p]);
    for (const [i, ps] of byIndex) if (i < 0 || i >= (completions ?? 0) || c.completed.has(i)) excess.push(...ps);
    else excess.push(...ps.slice(1));
    const free = Math.max(0, parallelism - (active.length - excess.length));
    for (let i = 0; i < (completions ?? 0) && toCreate.length < free; i++) if (!c.completed.has(i) && !byIndex.has(i)) toCreate.push(i);
  } else {
    if (completions === undefined || completions === null) {
      if (c.succeeded === 0 && active.length < parallelism) toCreate = Array(parallelism - active.length).fill(undefined);
    } else {
      const want = Math.max(0, Math.min(parallelism, completions - c.succeeded));
      if (active.length > want) excess = podsToDelete(active, active.length - want);
      else toCreate = Array(want - active.length).fill(undefined);
    }
  }
  if (excess.length) deleteJobPods(ctx, job, excess, deleted);
  if (!toCreate.length) return undefined;
  const remaining = backoff ? backoff.lastFailureMs + podFailureBackoffMs(backoff.failuresAfterLastSuccess) - nowMs : 0;
  if (remaining > 0) return remaining;
  createJobPods(ctx, job, toCreate.slice(0, 500));
  return undefined;
}

function writeStatus(ctx: ClusterContext, stored: KubeObject, status: KubeObject['status'], conds: st.JobCondition[], c: Counts, active: KubeObject[], informers: Informers, job: KubeObject): void {
  const terminating = informers.pods.owned(job.metadata.uid).filter((p) => p.metadata.deletionTimestamp && isPodActiveOrTerminating(p)).length;
  const next: Record<string, unknown> = { ...status };
  for (const k of ['active', 'succeeded', 'failed', 'completedIndexes', 'conditions']) delete next[k];
  if (conds.length) next.conditions = conds;
  if (active.length) next.active = active.length;
  next.ready = active.filter(isPodReady).length;
  if (c.succeeded) next.succeeded = c.succeeded;
  if (c.failed) next.failed = c.failed;
  next.terminating = terminating;
  if (job.spec?.completionMode === 'Indexed' && c.completed.size) next.completedIndexes = st.formatIndexes(c.completed);
  next.uncountedTerminatedPods = {};
  const fresh = ctx.store.peek('jobs.batch', stored.metadata.namespace!, stored.metadata.name!);
  if (!fresh || jsonEqual(fresh.status ?? {}, next)) return;
  tolerate(() => ctx.api().updateStatus({ ...cloneJson(fresh), status: next }));
}

function isPodActiveOrTerminating(p: KubeObject): boolean {
  return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}
