import type { KubeObject } from '../../api/types';
import { cloneJson, jsonEqual } from '../../api/clone';
import { timeMs } from '../common/time';

// pkg/controller/deployment/util/deployment_util.go
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** annotationsToSkip: never copied between a Deployment and its ReplicaSets. */
export const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

export const replicasOf = (o: KubeObject | undefined): number => (o ? (o.spec?.replicas ?? 1) : 0);

export function isRollingUpdate(d: KubeObject): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(String(v ?? '25%'));
  if (!m) throw new Error(`invalid value for IntOrString: invalid value "${v}": must be an integer or percentage (e.g '5%')`);
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** ResolveFenceposts: surge rounds up, unavailable down; both zero → unavailable 1. */
export function resolveFenceposts(d: KubeObject): [number, number] {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const desired = replicasOf(d);
  const surge = scaledValue(ru.maxSurge ?? '25%', desired, true);
  let unavailable = scaledValue(ru.maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function maxSurge(d: KubeObject): number {
  return isRollingUpdate(d) ? resolveFenceposts(d)[0] : 0;
}

export function maxUnavailable(d: KubeObject): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  return Math.min(resolveFenceposts(d)[1], replicasOf(d));
}

export const sumSpec = (rss: (KubeObject | undefined)[]) => rss.reduce((n, rs) => n + replicasOf(rs), 0);
export const sumStatus = (rss: (KubeObject | undefined)[], field: 'replicas' | 'readyReplicas' | 'availableReplicas') =>
  rss.reduce((n, rs) => n + (rs?.status?.[field] ?? 0), 0);

export function revisionOf(rs: KubeObject | undefined): number {
  const v = rs?.metadata.annotations?.[REVISION];
  const n = v === undefined ? 0 : Number(v);
  return Number.isInteger(n) ? n : 0;
}

const created = (o: KubeObject) => timeMs(o.metadata.creationTimestamp) ?? 0;

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
export function byCreation(a: KubeObject, b: KubeObject): number {
  if (created(a) !== created(b)) return created(a) - created(b);
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}

/** ReplicaSetsBySizeNewer / BySizeOlder: larger first; ties newer (or older) first. */
export function bySize(newerFirst: boolean) {
  return (a: KubeObject, b: KubeObject) => {
    if (replicasOf(a) !== replicasOf(b)) return replicasOf(b) - replicasOf(a);
    return newerFirst ? byCreation(b, a) : byCreation(a, b);
  };
}

/** ReplicaSetsByRevision: lower revision first, then older. */
export function byRevision(a: KubeObject, b: KubeObject): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  return ra !== rb ? ra - rb : byCreation(a, b);
}

/** EqualIgnoreHash: templates equal once the pod-template-hash label is dropped. */
export function equalIgnoreHash(a: KubeObject['spec'], b: KubeObject['spec']): boolean {
  const strip = (t: KubeObject['spec']) => {
    const c = cloneJson(t ?? {});
    if (c.metadata?.labels) {
      delete c.metadata.labels[POD_TEMPLATE_HASH];
      if (!Object.keys(c.metadata.labels).length) delete c.metadata.labels;
    }
    return c;
  };
  return jsonEqual(strip(a), strip(b));
}

/** Go's math.Round (half away from zero), as integer.RoundToInt32 uses. */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export function getCondition(status: { conditions?: DeploymentCondition[] } | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** SetDeploymentCondition: same status+reason is a no-op; same status keeps lastTransitionTime; the condition moves last. */
export function setCondition(status: { conditions?: DeploymentCondition[] }, cond: DeploymentCondition): void {
  const cur = getCondition(status, cond.type);
  if (cur && cur.status === cond.status && cur.reason === cond.reason) return;
  if (cur && cur.status === cond.status) cond.lastTransitionTime = cur.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), cond];
}

export function removeCondition(status: { conditions?: DeploymentCondition[] }, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (!status.conditions.length) delete status.conditions;
}

export function newCondition(type: string, status: string, reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

export function hasProgressDeadline(d: KubeObject): boolean {
  const p = d.spec?.progressDeadlineSeconds ?? 600;
  return p !== null && p !== 2147483647;
}

/** DeploymentComplete. */
export function deploymentComplete(d: KubeObject, s: DeploymentStatus): boolean {
  const n = replicasOf(d);
  return (s.updatedReplicas ?? 0) === n && (s.replicas ?? 0) === n && (s.availableReplicas ?? 0) === n && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas. Mutates rs (a copy); true when changed. */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS] !== String(desired)) (a[DESIRED_REPLICAS] = String(desired)), (changed = true);
  if (a[MAX_REPLICAS] !== String(max)) (a[MAX_REPLICAS] = String(max)), (changed = true);
  return changed;
}
