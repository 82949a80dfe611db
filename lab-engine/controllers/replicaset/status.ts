import type { ApiClient } from '../../api/client';
import type { KubeObject } from '../../api/types';
import { jsonEqual } from '../../api/clone';
import { isPodAvailable, isPodReady } from '../common/pods';
import { tolerate } from '../common/claim';
import { formatRfc3339 } from '../../base/clock';

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: { type: string; status: string; lastTransitionTime: string; reason: string; message: string }[];
}

/** calculateStatus (replica_set_utils.go); zero counts are omitted like the omitempty JSON tags. */
export function replicaSetStatus(rs: KubeObject, pods: KubeObject[], nowMs: number, createError: string | undefined): ReplicaSetStatus {
  const templateLabels: Record<string, string> = rs.spec?.template?.metadata?.labels ?? {};
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of pods) {
    const labels = p.metadata.labels ?? {};
    if (Object.keys(templateLabels).every((k) => labels[k] === templateLabels[k])) fullyLabeled++;
    if (isPodReady(p)) ready++;
    if (isPodAvailable(p, minReady, nowMs)) available++;
  }
  const status: ReplicaSetStatus = { replicas: pods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  const conditions = replicaFailure(rs, createError, nowMs);
  if (conditions.length) status.conditions = conditions;
  return status;
}

/** The ReplicaFailure condition: set on a create failure, removed once creating works again. */
function replicaFailure(rs: KubeObject, createError: string | undefined, nowMs: number): NonNullable<ReplicaSetStatus['conditions']> {
  const existing = (rs.status?.conditions ?? []) as NonNullable<ReplicaSetStatus['conditions']>;
  const others = existing.filter((c) => c.type !== 'ReplicaFailure');
  if (createError === undefined) return others;
  const prev = existing.find((c) => c.type === 'ReplicaFailure');
  const lastTransitionTime = prev?.status === 'True' ? prev.lastTransitionTime : formatRfc3339(nowMs);
  return [...others, { type: 'ReplicaFailure', status: 'True', lastTransitionTime, reason: 'FailedCreate', message: createError }];
}

export function writeReplicaSetStatus(api: ApiClient, rs: KubeObject, status: ReplicaSetStatus): void {
  if (jsonEqual(rs.status ?? {}, status)) return;
  // A status write takes only `status` from its input; `status` is built fresh by the caller.
  tolerate(() => api.store.update({ ...rs, status }, { subresource: 'status', owned: true }));
}
