import type { KubeObject } from '../../api/types';
import type { OwnerIndex } from '../common/owner-index';
import type { DeploymentSync } from './sync';
import * as u from './util';

/** rolloutRecreate (recreate.go): old ReplicaSets to zero, wait for their pods to go, then the new one up. */
export function rolloutRecreate(s: DeploymentSync, pods: OwnerIndex): void {
  let { newRS, oldRSs } = s.getAllReplicaSets(false);
  let scaledDown = false;
  for (const rs of oldRSs.filter((r) => u.replicasOf(r) > 0)) if (s.scaleAndRecord(rs, 0)[0]) scaledDown = true;
  oldRSs = oldRSs.map((rs) => s.current(rs));
  if (scaledDown || oldPodsRunning(newRS, oldRSs, pods)) return s.syncRolloutStatus(oldRSs, newRS && s.current(newRS));
  if (!newRS) {
    const got = s.getAllReplicaSets(true);
    newRS = got.newRS;
    oldRSs = got.oldRSs;
  }
  if (newRS) s.scaleAndRecord(newRS, u.replicasOf(s.d));
  if (u.deploymentComplete(s.d, s.d.status ?? {})) s.cleanupDeployment(oldRSs);
  s.syncRolloutStatus(oldRSs, newRS && s.current(newRS));
}

/** oldPodsRunning: any old pod not Succeeded/Failed (terminating ones included) blocks the new ReplicaSet. */
function oldPodsRunning(newRS: KubeObject | undefined, oldRSs: KubeObject[], pods: OwnerIndex): boolean {
  if (u.sumStatus(oldRSs, 'replicas') > 0) return true;
  for (const rs of oldRSs) {
    if (newRS && rs.metadata.uid === newRS.metadata.uid) continue;
    for (const p of pods.owned(rs.metadata.uid)) if (p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded') return true;
  }
  return false;
}
