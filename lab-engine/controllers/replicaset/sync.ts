import { recordEvent } from '../common/events';
import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../../api/types';
import { isApiError } from '../../api/errors';
import type { Informers } from '../common/informers';
import { R, defOf } from '../common/kinds';
import { newControllerRef } from '../common/owner-refs';
import { claimObjects } from '../common/claim';
import { comparePodsForDeletion, isPodActive, podFromTemplate } from '../common/pods';
import { replicaSetStatus, writeReplicaSetStatus } from './status';

const SOURCE = { component: 'replicaset-controller' };
/** controller.BurstReplicas: at most this many creates/deletes per sync. */
const BURST_REPLICAS = 500;

/**
 * ReplicaSetController.syncReplicaSet (replica_set.go). Returns false when a
 * pod could not be created or deleted (the key is retried with back-off).
 */
export function syncReplicaSet(ctx: ClusterContext, informers: Informers, rs: KubeObject, requeueAfter: (ms: number) => void): boolean {
  const api = ctx.api();
  const all = claimObjects(api, rs, rs.spec?.selector, informers.pods.owned(rs.metadata.uid), informers.pods.orphans(rs.metadata.namespace!), isPodActive);
  const active = all.filter(isPodActive);
  let error: string | undefined;
  if (!rs.metadata.deletionTimestamp) error = manageReplicas(ctx, rs, active);
  const fresh = ctx.store.peek(R.replicaSets, rs.metadata.namespace!, rs.metadata.name!);
  if (!fresh) return true;
  const pods = informers.pods.owned(fresh.metadata.uid).filter(isPodActive);
  const status = replicaSetStatus(fresh, pods, ctx.clock.nowMs(), error);
  writeReplicaSetStatus(api, fresh, status);
  // replica_set.go: re-check availability once minReadySeconds has passed.
  const minReady = fresh.spec?.minReadySeconds ?? 0;
  if (minReady > 0 && status.readyReplicas === (fresh.spec?.replicas ?? 1) && (status.availableReplicas ?? 0) !== (status.readyReplicas ?? 0)) {
    requeueAfter(minReady * 1000);
  }
  return error === undefined;
}

/** ReplicaSetController.manageReplicas. Returns the first error's message. */
function manageReplicas(ctx: ClusterContext, rs: KubeObject, active: KubeObject[]): string | undefined {
  const diff = active.length - (rs.spec?.replicas ?? 1);
  if (diff < 0) return createPods(ctx, rs, Math.min(-diff, BURST_REPLICAS));
  if (diff > 0) deletePods(ctx, rs, podsToDelete(active, Math.min(diff, BURST_REPLICAS)));
  return undefined;
}

/** slowStartBatch: batches of 1, 2, 4, … stop after the first batch with a failure. */
export function createPods(ctx: ClusterContext, owner: KubeObject, count: number, source = SOURCE): string | undefined {
  let remaining = count;
  let batch = 1;
  let firstError: string | undefined;
  while (remaining > 0) {
    const size = Math.min(batch, remaining);
    for (let i = 0; i < size; i++) {
      const pod = podFromTemplate(owner.spec.template, owner.metadata.namespace!, owner, newControllerRef(owner));
      try {
        // The pod is built fresh: the store keeps it as the stored object (read only from here).
        ctx.store.create(pod, { owned: true });
        recordEvent(ctx, owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, source.component);
      } catch (e) {
        if (!isApiError(e)) throw e;
        firstError ??= e.message;
        if (!isNamespaceTerminating(e)) recordEvent(ctx, owner, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, source.component);
      }
    }
    if (firstError !== undefined) return firstError;
    remaining -= size;
    batch *= 2;
  }
  return undefined;
}

function isNamespaceTerminating(e: { status: { details?: { causes?: { reason: string }[] } } }): boolean {
  return !!e.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating');
}

/** getPodsToDelete: rank by related pods on the same node, then ActivePodsWithRanks. */
export function podsToDelete(active: KubeObject[], count: number): KubeObject[] {
  const perNode = new Map<string, number>();
  for (const p of active) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  const rank = (p: KubeObject) => (p.spec?.nodeName ? perNode.get(p.spec.nodeName)! : 0);
  return [...active].sort((a, b) => comparePodsForDeletion(a, b, rank(a), rank(b))).slice(0, count);
}

function deletePods(ctx: ClusterContext, rs: KubeObject, pods: KubeObject[]): void {
  const api = ctx.api();
  const podDef = defOf(ctx, R.pods);
  for (const pod of pods) {
    try {
      api.delete(podDef, pod.metadata.namespace!, pod.metadata.name!);
      recordEvent(ctx, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE.component);
    } catch (e) {
      if (!isApiError(e)) throw e;
      if (e.code !== 404) recordEvent(ctx, rs, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`, SOURCE.component);
    }
  }
}
