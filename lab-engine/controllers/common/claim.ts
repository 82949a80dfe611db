import type { ApiClient } from '../../api/client';
import type { KubeObject } from '../../api/types';
import { cloneJson } from '../../api/clone';
import { isApiError } from '../../api/errors';
import { fromLabelSelector, matches, type LabelSelector } from '../../api/selectors/label-selector';
import { newControllerRef } from './owner-refs';

/**
 * controller.ControllerRefManager.ClaimObjects (controller_ref_manager.go):
 * keeps owned objects that still match, releases owned ones that no longer
 * match, adopts matching orphans while the owner is not being deleted.
 * Returns the claimed objects (stored instances or the written copies).
 */
export function claimObjects(
  api: ApiClient,
  owner: KubeObject,
  selector: LabelSelector | undefined,
  owned: KubeObject[],
  orphans: KubeObject[],
  filter: (o: KubeObject) => boolean = () => true,
): KubeObject[] {
  const out: KubeObject[] = [];
  const deleting = !!owner.metadata.deletionTimestamp;
  // Parsed once per sync (LabelSelectorAsSelector); an absent selector matches nothing.
  const sel = fromLabelSelector(selector);
  const matchesLabelSelector = (_s: unknown, labels: Record<string, string> | undefined) => sel !== null && matches(sel, labels);
  for (const o of owned) {
    if (matchesLabelSelector(selector, o.metadata.labels)) out.push(o);
    else if (!deleting && !o.metadata.deletionTimestamp) release(api, o, owner);
  }
  if (deleting) return out;
  for (const o of orphans) {
    if (o.metadata.deletionTimestamp || !filter(o) || !matchesLabelSelector(selector, o.metadata.labels)) continue;
    const adopted = adopt(api, o, owner);
    if (adopted) out.push(adopted);
  }
  return out;
}

function adopt(api: ApiClient, obj: KubeObject, owner: KubeObject): KubeObject | undefined {
  const next = cloneJson(obj);
  next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), newControllerRef(owner)];
  return tolerate(() => api.update(next));
}

function release(api: ApiClient, obj: KubeObject, owner: KubeObject): void {
  const next = cloneJson(obj);
  next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  if (!next.metadata.ownerReferences.length) delete next.metadata.ownerReferences;
  tolerate(() => api.update(next));
}

/** Runs a write; NotFound/Conflict (the object changed under us) mean "skip", like upstream's ignore-and-requeue. */
export function tolerate<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (isApiError(e) && (e.code === 404 || e.code === 409)) return undefined;
    throw e;
  }
}
