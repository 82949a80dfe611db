import type { KubeObject } from '../../api/types';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';

export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime: string;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

// job_controller.go reasons and messages (v1.32, JobPodReplacementPolicy on: terminal
// conditions are delayed behind FailureTarget / SuccessCriteriaMet).
export const BACKOFF_LIMIT = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
export const DEADLINE = { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
export const COMPLETIONS = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };

export function condition(job: KubeObject, type: string): JobCondition | undefined {
  return (job.status?.conditions as JobCondition[] | undefined)?.find((c) => c.type === type && c.status === 'True');
}

export function isFinished(job: KubeObject): boolean {
  return !!(condition(job, 'Complete') || condition(job, 'Failed'));
}

/** When the Job finished (its Complete/Failed condition's transition time). */
export function finishTime(job: KubeObject): string | undefined {
  return (condition(job, 'Complete') ?? condition(job, 'Failed'))?.lastTransitionTime;
}

/** Adds or updates a condition the way job_controller.go's ensureJobConditionStatus does (appends new ones). */
export function ensureCondition(conds: JobCondition[], type: string, status: string, reason: string, message: string, now: string): JobCondition[] {
  const i = conds.findIndex((c) => c.type === type);
  if (i < 0) return status === 'False' ? conds : [...conds, { type, status, lastProbeTime: now, lastTransitionTime: now, reason, message }];
  const c = conds[i];
  if (c.status === status && c.reason === reason && c.message === message) return conds;
  const next = [...conds];
  next[i] = { type, status, lastProbeTime: now, lastTransitionTime: c.status === status ? c.lastTransitionTime : now, reason, message };
  return next;
}

/** Parses status.completedIndexes ("0-2,4"). */
export function parseIndexes(s: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (s ?? '').split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a) && i - a < 100_000; i++) out.add(i);
  }
  return out;
}

/** succeededIndexes.String(): intervals as "a-b", two neighbours as "a,b". */
export function formatIndexes(set: Set<number>): string {
  const sorted = [...set].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j === i) parts.push(String(sorted[i]));
    else if (j === i + 1) parts.push(`${sorted[i]},${sorted[j]}`);
    else parts.push(`${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export function podIndex(pod: KubeObject): number | undefined {
  const v = pod.metadata.annotations?.[COMPLETION_INDEX];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}
