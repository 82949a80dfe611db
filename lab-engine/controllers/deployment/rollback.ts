import type { ApiClient } from '../../api/client';
import type { KubeObject } from '../../api/types';
import { cloneJson } from '../../api/clone';
import { isApiError } from '../../api/errors';
import { R } from '../common/kinds';
import { controllerOf } from '../common/owner-refs';
import * as u from './util';

/** One row of `kubectl rollout history`: a ReplicaSet's revision. */
export interface DeploymentRevision {
  revision: number;
  /** `kubernetes.io/change-cause` of the ReplicaSet, undefined when absent (`<none>`). */
  changeCause?: string;
  replicaSet: KubeObject;
  /** The pod template, pod-template-hash label kept (kubectl prints it in `--revision=N`). */
  template: KubeObject['spec'];
}

/** deploymentutil.GetAllReplicaSets as kubectl does it: ReplicaSets controlled by the Deployment. */
function ownedReplicaSets(api: ApiClient, d: KubeObject): KubeObject[] {
  const def = api.resolve(R.replicaSets)!;
  return api.list(def, { namespace: d.metadata.namespace }).items.filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
}

/** What `kubectl rollout history deployment/x` lists (polymorphichelpers/history.go), by ascending revision. */
export function deploymentRevisions(api: ApiClient, d: KubeObject): DeploymentRevision[] {
  const byRevision = new Map<number, DeploymentRevision>();
  for (const rs of ownedReplicaSets(api, d)) {
    const v = rs.metadata.annotations?.[u.REVISION];
    if (v === undefined || !/^\d+$/.test(v)) continue;
    byRevision.set(Number(v), { revision: Number(v), changeCause: rs.metadata.annotations?.[u.CHANGE_CAUSE], replicaSet: rs, template: rs.spec?.template });
  }
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}

export type RollbackResult = { ok: true; message: string } | { ok: false; error: string };

/**
 * `kubectl rollout undo` (polymorphichelpers/rollback.go DeploymentRollbacker):
 * client-side, it finds the ReplicaSet of the wanted revision (default: the
 * previous one) and patches the Deployment's template and annotations back.
 * `message` is what kubectl prints after `deployment.apps/<name> `; `error`
 * what it prints after `error: `.
 */
export function rollbackTo(api: ApiClient, d: KubeObject, toRevision = 0): RollbackResult {
  if (d.spec?.paused) return { ok: false, error: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again" };
  const found = revisionReplicaSet(api, d, toRevision);
  if ('error' in found) return { ok: false, error: found.error };
  const rs = found.rs;
  if (u.equalIgnoreHash(rs.spec?.template, d.spec?.template)) {
    return { ok: true, message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = cloneJson(rs.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[u.POD_TEMPLATE_HASH];
  const annotations: Record<string, string> = {};
  for (const k of u.ANNOTATIONS_TO_SKIP) if (d.metadata.annotations?.[k] !== undefined) annotations[k] = d.metadata.annotations[k];
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!u.ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const def = api.resolve(R.deployments)!;
  try {
    const current = api.get(def, d.metadata.namespace!, d.metadata.name!);
    api.update({ ...current, metadata: { ...current.metadata, annotations }, spec: { ...current.spec, template } });
  } catch (e) {
    if (!isApiError(e)) throw e;
    return { ok: false, error: `failed restoring revision ${toRevision}: ${e.message}` };
  }
  return { ok: true, message: 'rolled back' };
}

/** deploymentRevision (rollback.go): the ReplicaSet of toRevision, or of the second-newest revision when 0. */
function revisionReplicaSet(api: ApiClient, d: KubeObject, toRevision: number): { rs: KubeObject } | { error: string } {
  let latest: KubeObject | undefined;
  let latestRev = -1;
  let previous: KubeObject | undefined;
  let previousRev = -1;
  for (const rs of ownedReplicaSets(api, d)) {
    const raw = rs.metadata.annotations?.[u.REVISION];
    if (raw === undefined || !/^\d+$/.test(raw)) continue;
    const v = Number(raw);
    if (toRevision > 0) {
      if (v === toRevision) return { rs };
      continue;
    }
    if (latestRev < v) {
      [previous, previousRev, latest, latestRev] = [latest, latestRev, rs, v];
    } else if (previousRev < v) {
      [previous, previousRev] = [rs, v];
    }
  }
  if (toRevision > 0) return { error: `unable to find specified revision ${toRevision} in history` };
  if (!previous) return { error: `no rollout history found for deployment "${d.metadata.name}"` };
  return { rs: previous };
}
