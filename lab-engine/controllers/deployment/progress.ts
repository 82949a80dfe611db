import type { KubeObject } from '../../api/types';
import { cloneJson, jsonEqual } from '../../api/clone';
import { timeMs } from '../common/time';
import * as u from './util';

/** calculateStatus (sync.go): counts from the ReplicaSets' status, Available condition. */
export function calculateStatus(d: KubeObject, allRSs: KubeObject[], newRS: KubeObject | undefined, now: string): u.DeploymentStatus {
  const available = u.sumStatus(allRSs, 'availableReplicas');
  const total = u.sumSpec(allRSs);
  const status: u.DeploymentStatus = {};
  if (d.metadata.generation) status.observedGeneration = d.metadata.generation;
  const put = (k: keyof u.DeploymentStatus, v: number) => v && ((status as Record<string, number>)[k] = v);
  put('replicas', u.sumStatus(allRSs, 'replicas'));
  put('updatedReplicas', u.sumStatus([newRS], 'replicas'));
  put('readyReplicas', u.sumStatus(allRSs, 'readyReplicas'));
  put('availableReplicas', available);
  put('unavailableReplicas', Math.max(0, total - available));
  if (d.status?.conditions?.length) status.conditions = cloneJson(d.status.conditions);
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (available >= u.replicasOf(d) - u.maxUnavailable(d)) {
    u.setCondition(status, u.newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  } else {
    u.setCondition(status, u.newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  }
  return status;
}

/** DeploymentProgressing: more updated/ready/available replicas, or fewer old ones, than last time. */
function isProgressing(d: KubeObject, s: u.DeploymentStatus): boolean {
  const o: u.DeploymentStatus = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0);
}

/** DeploymentTimedOut: the Progressing condition was last updated more than progressDeadlineSeconds ago. */
function isTimedOut(d: KubeObject, s: u.DeploymentStatus, nowMs: number): boolean {
  const c = u.getCondition(s, 'Progressing');
  if (!c || c.reason === 'NewReplicaSetAvailable') return false;
  if (c.reason === 'ProgressDeadlineExceeded') return true;
  return (timeMs(c.lastUpdateTime) ?? 0) + (d.spec?.progressDeadlineSeconds ?? 600) * 1000 < nowMs;
}

/**
 * syncRolloutStatus (progress.go): the Progressing condition
 * (NewReplicaSetAvailable / ReplicaSetUpdated / ProgressDeadlineExceeded)
 * and ReplicaFailure copied from the ReplicaSets. Returns the status to write
 * and, when no progress is visible, when to look again for the deadline.
 */
export function rolloutStatus(d: KubeObject, allRSs: KubeObject[], newRS: KubeObject | undefined, now: string, nowMs: number): { status: u.DeploymentStatus; recheckMs?: number } {
  const s = calculateStatus(d, allRSs, newRS, now);
  if (!u.hasProgressDeadline(d)) u.removeCondition(s, 'Progressing');
  const cur = u.getCondition(d.status, 'Progressing');
  const complete = (s.replicas ?? 0) === (s.updatedReplicas ?? 0) && cur?.reason === 'NewReplicaSetAvailable';
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (u.hasProgressDeadline(d) && !complete) {
    if (u.deploymentComplete(d, s)) {
      u.setCondition(s, u.newCondition('Progressing', 'True', 'NewReplicaSetAvailable', `${subject} has successfully progressed.`, now));
    } else if (isProgressing(d, s)) {
      const c = u.newCondition('Progressing', 'True', 'ReplicaSetUpdated', `${subject} is progressing.`, now);
      if (cur?.status === 'True') c.lastTransitionTime = cur.lastTransitionTime;
      u.removeCondition(s, 'Progressing');
      u.setCondition(s, c);
    } else if (isTimedOut(d, s, nowMs)) {
      u.setCondition(s, u.newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', `${subject} has timed out progressing.`, now));
    }
  }
  const failure = replicaFailure(allRSs, newRS);
  if (failure) u.setCondition(s, failure);
  else u.removeCondition(s, 'ReplicaFailure');
  if (!s.conditions) delete s.conditions;
  return { status: s, recheckMs: jsonEqual(d.status ?? {}, s) ? stuckRecheckMs(d, s, nowMs) : undefined };
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure first, then the old ones'. */
function replicaFailure(allRSs: KubeObject[], newRS: KubeObject | undefined): u.DeploymentCondition | undefined {
  const ordered = newRS ? [newRS, ...allRSs.filter((rs) => rs.metadata.uid !== newRS.metadata.uid)] : allRSs;
  for (const rs of ordered) {
    const c = (rs.status?.conditions ?? []).find((x: { type: string }) => x.type === 'ReplicaFailure');
    if (c) return { type: 'ReplicaFailure', status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
  }
  return undefined;
}

/** requeueStuckDeployment: when to re-check a rollout that shows no progress against its deadline. */
function stuckRecheckMs(d: KubeObject, s: u.DeploymentStatus, nowMs: number): number | undefined {
  const cur = u.getCondition(d.status, 'Progressing');
  if (!u.hasProgressDeadline(d) || !cur) return undefined;
  if (u.deploymentComplete(d, s) || cur.reason === 'ProgressDeadlineExceeded') return undefined;
  const after = (timeMs(cur.lastUpdateTime) ?? 0) + (d.spec?.progressDeadlineSeconds ?? 600) * 1000 - nowMs;
  // Under a second left: upstream re-queues rate-limited (5 ms); just past the deadline counts as timed out.
  return after >= 1000 ? after + 1 : 5;
}

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
export function pausedCondition(d: KubeObject, now: string): u.DeploymentCondition | undefined {
  if (!u.hasProgressDeadline(d)) return undefined;
  const cond = u.getCondition(d.status, 'Progressing');
  if (cond?.reason === 'ProgressDeadlineExceeded') return undefined;
  const pausedExists = cond?.reason === 'DeploymentPaused';
  if (d.spec?.paused && !pausedExists) return u.newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', now);
  if (!d.spec?.paused && pausedExists) return u.newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', now);
  return undefined;
}
