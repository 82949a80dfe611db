import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../../api/types';
import { cloneJson, jsonEqual } from '../../api/clone';
import { isApiError } from '../../api/errors';
import type { Informers } from '../common/informers';
import { R, defOf } from '../common/kinds';
import { newControllerRef } from '../common/owner-refs';
import { claimObjects, tolerate } from '../common/claim';
import { recordEvent } from '../common/events';
import { isPodAvailable, isPodReady, isTerminal, msUntilAvailable } from '../common/pods';
import { computeHash } from '../common/hash';
import { REVISION_HASH, ensureRevision, newControllerRevision, revisionData, truncateHistory } from '../common/history';
import { scaledValue } from '../deployment/util';
import { timeMs } from '../common/time';
import { daemonPod, nodeShouldRunDaemonPod, targetNodeName } from './pod';

export const SOURCE = 'daemonset-controller';

interface NodeState {
  node: KubeObject;
  shouldRun: boolean;
  shouldContinueRunning: boolean;
  pods: KubeObject[];
}

/** syncDaemonSet (daemon_controller.go). Returns ms until a pod becomes available, if that is pending. */
export function syncDaemonSet(ctx: ClusterContext, informers: Informers, stored: KubeObject): number | undefined {
  const api = ctx.api();
  const ds = cloneJson(stored);
  const cur = constructHistory(ctx, informers, ds, templateHash(stored));
  if (!cur) return undefined;
  const hash = cur.metadata.labels![REVISION_HASH];
  const claimed = claimObjects(api, stored, ds.spec?.selector, informers.pods.owned(ds.metadata.uid), informers.pods.orphans(ds.metadata.namespace!));
  if (!ds.metadata.deletionTimestamp) {
    manage(ctx, ds, nodeStates(ctx, ds, claimed), hash);
    if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') rollingUpdate(ctx, ds, nodeStates(ctx, ds, informers.pods.owned(ds.metadata.uid)), hash);
    const live = new Set(informers.pods.owned(ds.metadata.uid).map((p) => `${ds.metadata.name}-${p.metadata.labels?.[REVISION_HASH]}`));
    live.add(cur.metadata.name!);
    truncateHistory(api, informers.controllerRevisions.owned(ds.metadata.uid), live, ds.spec?.revisionHistoryLimit ?? 10);
  }
  return updateStatus(ctx, stored, nodeStates(ctx, ds, informers.pods.owned(ds.metadata.uid)), hash);
}

/** ComputeHash of a stored DaemonSet's template, memoised per (immutable) template instance and collision count. */
const hashes = new WeakMap<object, Map<number | undefined, string>>();

function templateHash(stored: KubeObject): string {
  const template = stored.spec.template;
  const collisionCount: number | undefined = stored.status?.collisionCount;
  if (!template || typeof template !== 'object') return computeHash(template, collisionCount);
  let byCount = hashes.get(template);
  if (!byCount) hashes.set(template, (byCount = new Map()));
  let h = byCount.get(collisionCount);
  if (h === undefined) byCount.set(collisionCount, (h = computeHash(template, collisionCount)));
  return h;
}

/** constructHistory: the ControllerRevision of the current template (`<ds>-<ComputeHash>`). */
function constructHistory(ctx: ClusterContext, informers: Informers, ds: KubeObject, hash: string): KubeObject | undefined {
  const labels = { ...(ds.spec.template.metadata?.labels ?? {}), [REVISION_HASH]: hash };
  const wanted = newControllerRevision(ds, `${ds.metadata.name}-${hash}`, labels, revisionData(ds.spec.template), 0, ds.metadata.annotations);
  return ensureRevision(ctx.api(), informers.controllerRevisions.owned(ds.metadata.uid), wanted);
}

/** getNodesToDaemonPods + nodeShouldRunDaemonPod for every node, in name order. */
function nodeStates(ctx: ClusterContext, ds: KubeObject, pods: KubeObject[]): NodeState[] {
  const byNode = new Map<string, KubeObject[]>();
  for (const p of pods) {
    const n = targetNodeName(p);
    if (n) byNode.set(n, [...(byNode.get(n) ?? []), p]);
  }
  return ctx.store.peekList(R.nodes).map((node) => ({ node, ...nodeShouldRunDaemonPod(ds, node), pods: (byNode.get(node.metadata.name!) ?? []).filter((p) => !p.metadata.deletionTimestamp) }));
}

/** manage + podsShouldBeOnNode: create where missing, delete failed, duplicate and misplaced pods. */
function manage(ctx: ClusterContext, ds: KubeObject, states: NodeState[], hash: string): void {
  const create: string[] = [];
  const remove: KubeObject[] = [];
  for (const s of states) {
    const name = s.node.metadata.name!;
    if (!s.shouldContinueRunning || (!s.shouldRun && !s.pods.length)) {
      remove.push(...s.pods);
      continue;
    }
    const failed = s.pods.filter((p) => p.status?.phase === 'Failed');
    for (const p of failed) recordEvent(ctx, ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${name}, will try to kill it`, SOURCE);
    remove.push(...failed);
    const running = s.pods.filter((p) => !isTerminal(p)).sort((a, b) => (timeMs(a.metadata.creationTimestamp) ?? 0) - (timeMs(b.metadata.creationTimestamp) ?? 0));
    if (!running.length && s.shouldRun) create.push(name);
    else if (running.length > 1 && (ds.spec?.updateStrategy?.rollingUpdate?.maxSurge ?? 0) === 0) remove.push(...running.slice(1));
  }
  const existing = new Set(states.map((s) => s.node.metadata.name));
  for (const p of ctx.store.peekList(R.pods, ds.metadata.namespace)) {
    // Pods aimed at nodes that no longer exist.
    const n = targetNodeName(p);
    if (n && !existing.has(n) && p.metadata.ownerReferences?.some((r) => r.uid === ds.metadata.uid && r.controller) && !p.metadata.deletionTimestamp) remove.push(p);
  }
  syncNodes(ctx, ds, remove, create, hash);
}

/** syncNodes: slow-start creation of one pod per node, then deletions, with events. */
export function syncNodes(ctx: ClusterContext, ds: KubeObject, remove: KubeObject[], create: string[], hash: string): void {
  const api = ctx.api();
  let batch = 1;
  for (let start = 0; start < create.length; start += batch, batch *= 2) {
    let failed = false;
    for (const node of create.slice(start, start + batch)) {
      try {
        // The store copies the pod (the result's copy is not needed: only the generated name is read).
        const pod = ctx.store.create(daemonPod(ds, node, hash, newControllerRef(ds))).stored!;
        recordEvent(ctx, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
      } catch (e) {
        if (!isApiError(e)) throw e;
        failed = true;
        recordEvent(ctx, ds, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, SOURCE);
      }
    }
    if (failed) break;
  }
  const podDef = defOf(ctx, R.pods);
  for (const p of remove) {
    if (tolerate(() => api.delete(podDef, p.metadata.namespace!, p.metadata.name!))) recordEvent(ctx, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
  }
}

/** rollingUpdate (update.go): replace old pods within maxUnavailable, or surge with maxSurge. */
function rollingUpdate(ctx: ClusterContext, ds: KubeObject, states: NodeState[], hash: string): void {
  const nowMs = ctx.clock.nowMs();
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const desired = states.filter((s) => s.shouldRun).length;
  const ru = ds.spec?.updateStrategy?.rollingUpdate ?? {};
  const maxSurge = scaledValue(ru.maxSurge ?? 0, desired, true);
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? 1, desired, true);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  let unavailable = 0;
  let surged = 0;
  const replace: KubeObject[] = [];
  const candidates: KubeObject[] = [];
  const surgeNodes: string[] = [];
  for (const s of states.filter((x) => x.pods.length)) {
    const live = s.pods.filter((p) => !isTerminal(p));
    const newPod = live.find((p) => p.metadata.labels?.[REVISION_HASH] === hash);
    const oldPods = live.filter((p) => p !== newPod);
    if (live.length > 2 || (oldPods.length && newPod && maxSurge === 0) || !live.length) {
      unavailable++;
      continue;
    }
    if (newPod && !oldPods.length) {
      if (!isPodAvailable(newPod, minReady, nowMs)) unavailable++;
      continue;
    }
    if (maxSurge > 0 && newPod) {
      if (isPodAvailable(newPod, minReady, nowMs)) replace.push(...oldPods);
      else surged++;
      continue;
    }
    const old = oldPods[0];
    if (!isPodAvailable(old, minReady, nowMs)) replace.push(old);
    else if (maxSurge > 0) surgeNodes.push(s.node.metadata.name!);
    else if (unavailable < maxUnavailable) candidates.push(old);
  }
  const budget = Math.max(0, Math.min(maxUnavailable - unavailable, candidates.length));
  syncNodes(ctx, ds, [...replace, ...candidates.slice(0, budget)], surgeNodes.slice(0, Math.max(0, maxSurge - surged)), hash);
}

/** updateDaemonSetStatus. */
function updateStatus(ctx: ClusterContext, stored: KubeObject, states: NodeState[], hash: string): number | undefined {
  const nowMs = ctx.clock.nowMs();
  const minReady = stored.spec?.minReadySeconds ?? 0;
  let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
  let recheck: number | undefined;
  for (const s of states) {
    const pods = s.pods.filter((p) => !isTerminal(p)).sort((a, b) => (timeMs(a.metadata.creationTimestamp) ?? 0) - (timeMs(b.metadata.creationTimestamp) ?? 0));
    if (s.shouldRun) desired++;
    if (!pods.length) continue;
    if (!s.shouldRun) {
      misscheduled++;
      continue;
    }
    current++;
    const pod = pods[0];
    if (isPodReady(pod)) ready++;
    if (isPodAvailable(pod, minReady, nowMs)) available++;
    else {
      const left = msUntilAvailable(pod, minReady, nowMs);
      if (left !== undefined) recheck = Math.min(recheck ?? left, left);
    }
    if (pods.some((p) => p.metadata.labels?.[REVISION_HASH] === hash)) updated++;
  }
  const status: Record<string, number> = { currentNumberScheduled: current, numberMisscheduled: misscheduled, desiredNumberScheduled: desired, numberReady: ready };
  if (stored.metadata.generation) status.observedGeneration = stored.metadata.generation;
  if (updated) status.updatedNumberScheduled = updated;
  if (available) status.numberAvailable = available;
  if (desired - available > 0) status.numberUnavailable = desired - available;
  if (stored.status?.collisionCount) status.collisionCount = stored.status.collisionCount;
  const fresh = ctx.store.peek(R.daemonSets, stored.metadata.namespace!, stored.metadata.name!);
  // A status write takes only `status` from its input: the fresh status object goes to the store as is.
  if (fresh && !jsonEqual(fresh.status ?? {}, status)) tolerate(() => ctx.store.update({ ...fresh, status }, { subresource: 'status', owned: true }));
  return recheck;
}
