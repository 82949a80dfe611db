import type { ApiClient } from '../../api/client';
import type { KubeObject } from '../../api/types';
import { cloneJson, jsonEqual } from '../../api/clone';
import { isApiError } from '../../api/errors';
import { controllerOf } from './owner-refs';
import type { RollbackResult } from '../deployment/rollback';

/** ControllerRevisions controlled by a DaemonSet or StatefulSet, by ascending revision (`kubectl rollout history ds/x`). */
export function controllerRevisionsOf(api: ApiClient, owner: KubeObject): KubeObject[] {
  const def = api.resolve('controllerrevisions.apps')!;
  return api
    .list(def, { namespace: owner.metadata.namespace })
    .items.filter((r) => controllerOf(r)?.uid === owner.metadata.uid)
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
}

function templateOf(rev: KubeObject): KubeObject['spec'] {
  const t = cloneJson(rev.data?.spec?.template ?? {});
  delete t.$patch;
  if (t.metadata?.creationTimestamp === null) delete t.metadata.creationTimestamp;
  return t;
}

/**
 * `kubectl rollout undo ds/x | sts/x` (polymorphichelpers/rollback.go
 * DaemonSetRollbacker / StatefulSetRollbacker): find the revision (default:
 * the one before the newest), skip when the template already matches, else
 * apply the revision's `$patch: replace` template.
 */
export function rollbackToControllerRevision(api: ApiClient, obj: KubeObject, toRevision = 0): RollbackResult {
  const history = controllerRevisionsOf(api, obj);
  let target: KubeObject | undefined;
  if (toRevision > 0) target = history.find((r) => r.revision === toRevision);
  else if (history.length > 1) target = history[history.length - 2];
  if (!target) return { ok: false, error: `unable to find specified revision ${toRevision} in history` };
  const template = templateOf(target);
  if (jsonEqual(stripDefaults(template), stripDefaults(obj.spec?.template))) {
    return { ok: true, message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  try {
    const current = api.get(api.resolve(obj.kind === 'DaemonSet' ? 'daemonsets.apps' : 'statefulsets.apps')!, obj.metadata.namespace!, obj.metadata.name!);
    api.update({ ...current, spec: { ...current.spec, template } });
  } catch (e) {
    if (!isApiError(e)) throw e;
    return { ok: false, error: `failed restoring revision ${toRevision}: ${e.message}` };
  }
  return { ok: true, message: 'rolled back' };
}

function stripDefaults(t: KubeObject['spec']): unknown {
  const c = cloneJson(t ?? {});
  if (c.metadata?.creationTimestamp === null) delete c.metadata.creationTimestamp;
  return c;
}
