import type { KubeObject } from '../../api/types';
import { timeMs } from './time';

/** podutil.GetPodReadyCondition. */
export function readyCondition(pod: KubeObject): { status: string; lastTransitionTime?: string } | undefined {
  return (pod.status?.conditions as { type: string; status: string; lastTransitionTime?: string }[] | undefined)?.find((c) => c.type === 'Ready');
}

/** podutil.IsPodReady. */
export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/**
 * podutil.IsPodAvailable: ready for at least minReadySeconds (by the Ready
 * condition's lastTransitionTime) at nowMs.
 */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = timeMs(readyCondition(pod)?.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 <= nowMs;
}

/** ms until a ready pod becomes available, or undefined when that is not pending. */
export function msUntilAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): number | undefined {
  if (!minReadySeconds || !isPodReady(pod)) return undefined;
  const since = timeMs(readyCondition(pod)?.lastTransitionTime);
  if (since === undefined) return undefined;
  const left = since + minReadySeconds * 1000 - nowMs;
  return left > 0 ? left : undefined;
}

export function isTerminal(pod: KubeObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** controller.IsPodActive. */
export function isPodActive(pod: KubeObject): boolean {
  return !isTerminal(pod) && !pod.metadata.deletionTimestamp;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function maxRestarts(pod: KubeObject): number {
  let m = 0;
  for (const s of (pod.status?.containerStatuses ?? []) as { restartCount?: number }[]) m = Math.max(m, s.restartCount ?? 0);
  return m;
}

function deletionCost(pod: KubeObject): number {
  const v = Number(pod.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0);
  return Number.isInteger(v) ? v : 0;
}

/**
 * controller.ActivePodsWithRanks.Less: the pods to delete first sort first.
 * Unassigned < assigned; Pending < Unknown < Running; not ready < ready;
 * lower pod-deletion-cost; doubled up (higher rank) first; ready for less
 * time; more restarts; newer. (LogarithmicScaleDown's log2 bucketing of
 * times is not modelled: with second-precision virtual times it rarely differs.)
 */
export function comparePodsForDeletion(a: KubeObject, b: KubeObject, rankA: number, rankB: number): number {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (!na || !nb)) return !na ? -1 : 1;
  const pa = PHASE_ORDINAL[a.status?.phase ?? 'Pending'] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? 'Pending'] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  if (deletionCost(a) !== deletionCost(b)) return deletionCost(a) - deletionCost(b);
  if (rankA !== rankB) return rankB - rankA;
  if (ra && rb) {
    const ta = timeMs(readyCondition(a)?.lastTransitionTime) ?? 0;
    const tb = timeMs(readyCondition(b)?.lastTransitionTime) ?? 0;
    if (ta !== tb) return tb - ta;
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  const ca = timeMs(a.metadata.creationTimestamp) ?? 0;
  const cb = timeMs(b.metadata.creationTimestamp) ?? 0;
  return cb - ca;
}

/**
 * controller.GetPodFromTemplate: labels, annotations and finalizers from the
 * template, generateName `<prefix>-`, the controller reference.
 */
export function podFromTemplate(template: KubeObject['spec'], namespace: string, owner: KubeObject, ownerRef: unknown): KubeObject {
  const meta = template?.metadata ?? {};
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${podsPrefix(owner.metadata.name!)}`,
      namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [ownerRef as never],
    },
    spec: structuredCloneJson(template?.spec ?? {}),
  };
  return pod;
}

/** controller.getPodsPrefix: `<name>-`, shortened so generated names stay valid. */
export function podsPrefix(controllerName: string): string {
  const prefix = `${controllerName}-`;
  return prefix.length > 58 ? prefix.slice(0, 58) : prefix;
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
