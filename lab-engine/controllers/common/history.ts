import type { ApiClient } from '../../api/client';
import type { KubeObject } from '../../api/types';
import { cloneJson, jsonEqual } from '../../api/clone';
import { canonicalJson } from '../../base/hash';
import { newControllerRef } from './owner-refs';
import { safeEncodeString } from './hash';
import { tolerate } from './claim';

/** `controller-revision-hash`: apps.ControllerRevisionHashLabelKey / DefaultDaemonSetUniqueLabelKey. */
export const REVISION_HASH = 'controller-revision-hash';

/**
 * getPatch (daemonset/update.go, statefulset/stateful_set_utils.go): the
 * revision's data is `{"spec":{"template":{…,"$patch":"replace"}}}`. Go
 * re-marshals it from a map, so keys are sorted, as canonicalJson does.
 */
export function revisionData(template: KubeObject['spec']): { spec: { template: Record<string, unknown> } } {
  const t = cloneJson(template ?? {});
  t.metadata = { creationTimestamp: null, ...(t.metadata ?? {}) };
  return { spec: { template: { ...t, $patch: 'replace' } } };
}

/** json.Marshal's HTML escaping, so hashed bytes match Go's. */
export function goJson(value: unknown): string {
  return canonicalJson(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** history.HashControllerRevision: FNV-1 (not 1a) of the raw data, then the collision count in decimal. */
export function hashControllerRevision(data: unknown, collisionCount?: number): string {
  let h = 0x811c9dc5;
  const write = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) {
      h = Math.imul(h, 0x01000193);
      h = (h ^ bytes[i]) >>> 0;
    }
  };
  write(new TextEncoder().encode(goJson(data)));
  if (collisionCount !== undefined && collisionCount !== null) write(new TextEncoder().encode(String(collisionCount)));
  return safeEncodeString(String(h >>> 0));
}

/** A new ControllerRevision for a parent (history.NewControllerRevision). */
export function newControllerRevision(parent: KubeObject, name: string, labels: Record<string, string>, data: unknown, revision: number, annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name, namespace: parent.metadata.namespace, labels, ...(annotations ? { annotations: { ...annotations } } : {}), ownerReferences: [newControllerRef(parent)] },
    data,
    revision,
  };
}

/**
 * The shared half of DaemonSet constructHistory / StatefulSet getStatefulSetRevisions:
 * reuse the revision whose data equals the current one (bumping its number
 * when it is not the newest: a rollback), else create it. Returns the current revision.
 */
export function ensureRevision(api: ApiClient, revisions: KubeObject[], wanted: KubeObject): KubeObject | undefined {
  const max = Math.max(0, ...revisions.map((r) => r.revision ?? 0));
  const equal = revisions.filter((r) => jsonEqual(r.data, wanted.data)).sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0));
  if (equal.length) {
    const cur = equal[0];
    if ((cur.revision ?? 0) >= max) return cur;
    return tolerate(() => api.update({ ...cloneJson(cur), revision: max + 1 }));
  }
  return tolerate(() => api.create({ ...wanted, revision: max + 1 }));
}

/** Deletes the oldest revisions not in use beyond revisionHistoryLimit (cleanupHistory / truncateHistory). */
export function truncateHistory(api: ApiClient, revisions: KubeObject[], live: Set<string>, limit: number): void {
  const unused = revisions.filter((r) => !live.has(r.metadata.name!)).sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
  const def = api.resolve('controllerrevisions.apps')!;
  for (const r of unused.slice(0, Math.max(0, unused.length - limit))) tolerate(() => api.delete(def, r.metadata.namespace!, r.metadata.name!));
}
