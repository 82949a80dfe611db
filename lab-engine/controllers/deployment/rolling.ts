import type { KubeObject } from '../../api/types';
import type { DeploymentSync } from './sync';
import * as u from './util';

/** NewRSNewReplicas: how far the new ReplicaSet may grow now. */
export function newRSNewReplicas(d: KubeObject, allRSs: KubeObject[], newRS: KubeObject): number {
  if (!u.isRollingUpdate(d)) return u.replicasOf(d);
  const current = u.sumSpec(allRSs);
  const maxTotal = u.replicasOf(d) + u.maxSurge(d);
  if (current >= maxTotal) return u.replicasOf(newRS);
  const scaleUp = Math.min(maxTotal - current, u.replicasOf(d) - u.replicasOf(newRS));
  return u.replicasOf(newRS) + scaleUp;
}

/** rolloutRolling (rolling.go). */
export function rolloutRolling(s: DeploymentSync): void {
  const got = s.getAllReplicaSets(true);
  const newRS = got.newRS;
  let oldRSs = got.oldRSs;
  if (!newRS) return s.syncRolloutStatus(oldRSs, undefined);
  if (reconcileNewReplicaSet(s, newRS)) return s.syncRolloutStatus(oldRSs, s.current(newRS));
  oldRSs = oldRSs.map((rs) => s.current(rs));
  if (reconcileOldReplicaSets(s, oldRSs.filter((rs) => u.replicasOf(rs) > 0), s.current(newRS))) {
    return s.syncRolloutStatus(oldRSs.map((rs) => s.current(rs)), s.current(newRS));
  }
  if (u.deploymentComplete(s.d, s.d.status ?? {})) s.cleanupDeployment(oldRSs);
  s.syncRolloutStatus(oldRSs, s.current(newRS));
}

function reconcileNewReplicaSet(s: DeploymentSync, newRS: KubeObject): boolean {
  const want = u.replicasOf(s.d);
  if (u.replicasOf(newRS) === want) return false;
  if (u.replicasOf(newRS) > want) return s.scaleAndRecord(newRS, want)[0];
  return s.scaleAndRecord(newRS, newRSNewReplicas(s.d, s.rsList, newRS))[0];
}

function reconcileOldReplicaSets(s: DeploymentSync, oldRSs: KubeObject[], newRS: KubeObject): boolean {
  if (u.sumSpec(oldRSs) === 0) return false;
  const allPods = u.sumSpec(s.rsList);
  const minAvailable = u.replicasOf(s.d) - u.maxUnavailable(s.d);
  const newUnavailable = u.replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const scaled = scaleDownOldForRollingUpdate(s, oldRSs.map((rs) => s.current(rs)), s.current(newRS));
  return cleaned + scaled > 0;
}

/** cleanupUnhealthyReplicas: scale down old pods that are not available first (kubernetes#16737). */
function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: KubeObject[], maxCleanup: number): number {
  let total = 0;
  for (const rs of [...oldRSs].sort(u.byCreation)) {
    if (total >= maxCleanup) break;
    const available = rs.status?.availableReplicas ?? 0;
    if (u.replicasOf(rs) === 0 || u.replicasOf(rs) === available) continue;
    const count = Math.min(maxCleanup - total, u.replicasOf(rs) - available);
    s.scaleAndRecord(rs, u.replicasOf(rs) - count);
    total += count;
  }
  return total;
}

/** scaleDownOldReplicaSetsForRollingUpdate: keep at least replicas - maxUnavailable available. */
function scaleDownOldForRollingUpdate(s: DeploymentSync, oldRSs: KubeObject[], newRS: KubeObject): number {
  const minAvailable = u.replicasOf(s.d) - u.maxUnavailable(s.d);
  const available = u.sumStatus([...oldRSs, newRS], 'availableReplicas');
  if (available <= minAvailable) return 0;
  const want = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(u.byCreation)) {
    if (total >= want) break;
    if (u.replicasOf(rs) === 0) continue;
    const count = Math.min(u.replicasOf(rs), want - total);
    s.scaleAndRecord(rs, u.replicasOf(rs) - count);
    total += count;
  }
  return total;
}
