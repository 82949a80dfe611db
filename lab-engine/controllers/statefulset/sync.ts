import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../../api/types';
import { cloneJson, jsonEqual } from '../../api/clone';
import { isApiError } from '../../api/errors';
import type { Informers } from '../common/informers';
import { R, defOf } from '../common/kinds';
import { claimObjects, tolerate } from '../common/claim';
import { recordEvent } from '../common/events';
import { isPodAvailable, isPodReady, isTerminal, msUntilAvailable } from '../common/pods';
import { REVISION_HASH, ensureRevision, hashControllerRevision, newControllerRevision, revisionData, truncateHistory } from '../common/history';
import { claimsFor, ordinalOf, statefulSetPod } from './pods';

const SOURCE = 'statefulset-controller';

interface Revisions {
  current: KubeObject;
  update: KubeObject;
}

/** ApplyRevision: the pod template a revision recorded. */
function templateOf(rev: KubeObject): KubeObject['spec'] {
  const t = cloneJson(rev.data?.spec?.template ?? {});
  delete t.$patch;
  if (t.metadata?.creationTimestamp === null) delete t.metadata.creationTimestamp;
  return t;
}

/** getStatefulSetRevisions: update = the current template's revision; current = status.currentRevision's. */
function revisions(ctx: ClusterContext, informers: Informers, set: KubeObject): Revisions | undefined {
  const data = revisionData(set.spec.template);
  const hash = hashControllerRevision(data, set.status?.collisionCount ?? 0);
  const labels = { ...(set.spec.template.metadata?.labels ?? {}), [REVISION_HASH]: `${set.metadata.name}-${hash}` };
  const wanted = newControllerRevision(set, `${set.metadata.name}-${hash}`, labels, data, 0);
  const update = ensureRevision(ctx.api(), informers.controllerRevisions.owned(set.metadata.uid), wanted);
  if (!update) return undefined;
  const current = informers.controllerRevisions.owned(set.metadata.uid).find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update };
}

/** syncStatefulSet → updateStatefulSet (stateful_set_control.go). Returns ms until availability must be re-checked. */
export function syncStatefulSet(ctx: ClusterContext, informers: Informers, stored: KubeObject): number | undefined {
  const set = cloneJson(stored);
  const revs = revisions(ctx, informers, set);
  if (!revs) return undefined;
  claimObjects(ctx.api(), stored, set.spec?.selector, informers.pods.owned(set.metadata.uid), informers.pods.orphans(set.metadata.namespace!), (p) => ordinalOf(set, p) >= 0);
  if (!set.metadata.deletionTimestamp) {
    processReplicas(ctx, informers, set, revs);
    if ((set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') rollingUpdate(ctx, informers, set, revs);
  }
  const pods = informers.pods.owned(set.metadata.uid);
  const live = new Set([revs.current.metadata.name!, revs.update.metadata.name!, ...pods.map((p) => p.metadata.labels?.[REVISION_HASH] ?? '')]);
  truncateHistory(ctx.api(), informers.controllerRevisions.owned(set.metadata.uid), live, set.spec?.revisionHistoryLimit ?? 10);
  return writeStatus(ctx, stored, pods, revs);
}

function isHealthy(set: KubeObject, pod: KubeObject, nowMs: number): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod) && !pod.metadata.deletionTimestamp && isPodAvailable(pod, set.spec?.minReadySeconds ?? 0, nowMs);
}

/** The pod an ordinal should have: below the partition from the current revision, else the update revision. */
function wantedPod(set: KubeObject, revs: Revisions, ordinal: number): KubeObject {
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  // newVersionedStatefulSetPod: with OnDelete a re-created pod always gets the update revision.
  const useCurrent = (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && ordinal < partition;
  const rev = useCurrent ? revs.current : revs.update;
  return statefulSetPod(set, templateOf(rev), ordinal, rev.metadata.name!);
}

/** processReplica for every ordinal, then condemned pods in reverse ordinal order. OrderedReady waits at each step. */
function processReplicas(ctx: ClusterContext, informers: Informers, set: KubeObject, revs: Revisions): void {
  const monotonic = (set.spec?.podManagementPolicy ?? 'OrderedReady') !== 'Parallel';
  const nowMs = ctx.clock.nowMs();
  const replicas = set.spec?.replicas ?? 1;
  const byOrdinal = new Map(informers.pods.owned(set.metadata.uid).map((p) => [ordinalOf(set, p), p]));
  for (let i = 0; i < replicas; i++) {
    let pod = byOrdinal.get(i);
    if (pod && isTerminal(pod) && !pod.metadata.deletionTimestamp) {
      deletePod(ctx, set, pod);
      pod = undefined;
      if (monotonic) return;
    }
    if (!pod) {
      createPod(ctx, set, wantedPod(set, revs, i));
      if (monotonic) return;
      continue;
    }
    if (monotonic && !isHealthy(set, pod, nowMs)) return;
  }
  const condemned = [...byOrdinal].filter(([o]) => o >= replicas || o < 0).sort((a, b) => b[0] - a[0]);
  for (const [, pod] of condemned) {
    if (pod.metadata.deletionTimestamp) {
      if (monotonic) return;
      continue;
    }
    deletePod(ctx, set, pod);
    if (monotonic) return;
  }
}

/** RollingUpdate: from the highest ordinal down to the partition, replace one pod at a time once all are healthy. */
function rollingUpdate(ctx: ClusterContext, informers: Informers, set: KubeObject, revs: Revisions): void {
  const nowMs = ctx.clock.nowMs();
  const replicas = set.spec?.replicas ?? 1;
  const pods = new Map(informers.pods.owned(set.metadata.uid).map((p) => [ordinalOf(set, p), p]));
  for (let i = 0; i < replicas; i++) if (!pods.get(i) || !isHealthy(set, pods.get(i)!, nowMs)) return;
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas - 1; target >= partition; target--) {
    const pod = pods.get(target)!;
    if (pod.metadata.labels?.[REVISION_HASH] !== revs.update.metadata.name && !pod.metadata.deletionTimestamp) {
      deletePod(ctx, set, pod);
      return;
    }
    if (!isHealthy(set, pod, nowMs)) return;
  }
}

/** createPersistentVolumeClaims + CreateStatefulPod, with stateful_pod_control.go's event wording. */
function createPod(ctx: ClusterContext, set: KubeObject, pod: KubeObject): void {
  const api = ctx.api();
  for (const claim of claimsFor(set, ordinalOf(set, pod))) {
    if (ctx.store.peek(R.pvcs, claim.metadata.namespace!, claim.metadata.name!)) continue;
    try {
      api.create(claim);
      recordEvent(ctx, set, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`, SOURCE);
    } catch (e) {
      if (!isApiError(e)) throw e;
      recordEvent(ctx, set, 'Warning', 'FailedCreate', `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${e.message}`, SOURCE);
      return;
    }
  }
  try {
    api.create(pod);
    recordEvent(ctx, set, 'Normal', 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, SOURCE);
  } catch (e) {
    if (!isApiError(e)) throw e;
    if (e.code !== 409) recordEvent(ctx, set, 'Warning', 'FailedCreate', `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${e.message}`, SOURCE);
  }
}

function deletePod(ctx: ClusterContext, set: KubeObject, pod: KubeObject): void {
  const r = tolerate(() => ctx.api().delete(defOf(ctx, R.pods), pod.metadata.namespace!, pod.metadata.name!));
  if (r) recordEvent(ctx, set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, SOURCE);
}

/** computeReplicaStatus + completeRollingUpdate. */
function writeStatus(ctx: ClusterContext, stored: KubeObject, pods: KubeObject[], revs: Revisions): number | undefined {
  const nowMs = ctx.clock.nowMs();
  const minReady = stored.spec?.minReadySeconds ?? 0;
  let replicas = 0, ready = 0, available = 0, current = 0, updated = 0;
  let recheck: number | undefined;
  for (const p of pods) {
    replicas++;
    if (p.status?.phase === 'Running' && isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, minReady, nowMs)) available++;
      else recheck = msUntilAvailable(p, minReady, nowMs);
    }
    if (p.metadata.deletionTimestamp) continue;
    if (p.metadata.labels?.[REVISION_HASH] === revs.current.metadata.name) current++;
    if (p.metadata.labels?.[REVISION_HASH] === revs.update.metadata.name) updated++;
  }
  const want = stored.spec?.replicas ?? 1;
  let currentRevision = revs.current.metadata.name!;
  if ((stored.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && updated === want && ready === want) {
    currentRevision = revs.update.metadata.name!;
    current = updated;
  }
  const status: Record<string, unknown> = { observedGeneration: stored.metadata.generation, replicas };
  if (ready) status.readyReplicas = ready;
  if (current) status.currentReplicas = current;
  if (updated) status.updatedReplicas = updated;
  status.currentRevision = currentRevision;
  status.updateRevision = revs.update.metadata.name;
  status.collisionCount = stored.status?.collisionCount ?? 0;
  status.availableReplicas = available;
  const fresh = ctx.store.peek(R.statefulSets, stored.metadata.namespace!, stored.metadata.name!);
  if (fresh && !jsonEqual(fresh.status ?? {}, status)) tolerate(() => ctx.api().updateStatus({ ...cloneJson(fresh), status }));
  return recheck;
}

