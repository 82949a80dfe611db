import type { KubeObject } from '../../api/types';
import type { DeploymentSync } from './sync';
import * as u from './util';

/** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(s: DeploymentSync): boolean {
  const { newRS, oldRSs } = s.getAllReplicaSets(false);
  const active = [...oldRSs, ...(newRS ? [newRS] : [])].filter((rs) => u.replicasOf(rs) > 0);
  return active.some((rs) => {
    const desired = rs.metadata.annotations?.[u.DESIRED_REPLICAS];
    return desired !== undefined && Number(desired) !== u.replicasOf(s.d);
  });
}

/** sync (sync.go): scale only, used while paused and for scaling events. */
export function syncScaleOnly(s: DeploymentSync): void {
  const { newRS, oldRSs } = s.getAllReplicaSets(false);
  scale(s, newRS, oldRSs);
  const olds = oldRSs.map((rs) => s.current(rs));
  if (s.d.spec?.paused) s.cleanupDeployment(olds);
  s.syncDeploymentStatus(olds, newRS && s.current(newRS));
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
function activeOrLatest(newRS: KubeObject | undefined, oldRSs: KubeObject[]): KubeObject | undefined {
  const all = [...(newRS ? [newRS] : []), ...oldRSs].sort((a, b) => u.byCreation(b, a));
  const active = all.filter((rs) => u.replicasOf(rs) > 0);
  if (active.length === 0) return newRS ?? all[0];
  return active.length === 1 ? active[0] : undefined;
}

/** scale (sync.go): proportional scaling across active ReplicaSets during a rollout. */
export function scale(s: DeploymentSync, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
  const single = activeOrLatest(newRS, oldRSs);
  if (single) {
    if (u.replicasOf(single) !== u.replicasOf(s.d)) s.scaleAndRecord(single, u.replicasOf(s.d));
    return;
  }
  if (newRS && isSaturated(s.d, newRS)) {
    for (const rs of oldRSs.filter((r) => u.replicasOf(r) > 0)) s.scaleAndRecord(rs, 0);
    return;
  }
  if (!u.isRollingUpdate(s.d)) return;
  const all = [...oldRSs, ...(newRS ? [newRS] : [])].filter((rs) => u.replicasOf(rs) > 0);
  const allowed = u.replicasOf(s.d) > 0 ? u.replicasOf(s.d) + u.maxSurge(s.d) : 0;
  const toAdd = allowed - u.sumSpec(all);
  const op = toAdd > 0 ? 'up' : 'down';
  if (toAdd !== 0) all.sort(u.bySize(toAdd > 0));
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return u.replicasOf(rs);
    const p = proportion(s.d, rs, toAdd, added);
    added += p;
    return u.replicasOf(rs) + p;
  });
  if (toAdd !== 0 && all.length) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
  all.forEach((rs, i) => s.scaleReplicaSet(rs, sizes[i], op));
}

/** IsSaturated: the new ReplicaSet has all replicas, all available. */
function isSaturated(d: KubeObject, rs: KubeObject): boolean {
  const desired = Number(rs.metadata.annotations?.[u.DESIRED_REPLICAS]);
  return u.replicasOf(rs) === u.replicasOf(d) && desired === u.replicasOf(d) && (rs.status?.availableReplicas ?? 0) === u.replicasOf(d);
}

/** GetProportion / getReplicaSetFraction. */
function proportion(d: KubeObject, rs: KubeObject, toAdd: number, added: number): number {
  if (u.replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (u.replicasOf(d) === 0) fraction = -u.replicasOf(rs);
  else {
    const max = Number(rs.metadata.annotations?.[u.MAX_REPLICAS]);
    const annotated = Number.isInteger(max) && rs.metadata.annotations?.[u.MAX_REPLICAS] !== undefined ? max : (d.status?.replicas ?? 0);
    fraction = u.roundHalfAway((u.replicasOf(rs) * (u.replicasOf(d) + u.maxSurge(d))) / annotated) - u.replicasOf(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
