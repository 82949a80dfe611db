import type { KubeObject } from '../types';
import { badRequest } from '../errors';
import { mergePatch } from './merge-patch';
import { strategicMergePatch } from './strategic-merge-patch';
import { jsonPatch } from './json-patch';

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

export const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

/**
 * Applies a patch of the given type to an object (a copy is returned).
 * 'apply' (server-side apply) is approximated: the applied configuration is
 * merged like a strategic merge patch (no managedFields ownership, so fields
 * dropped from the applied configuration are not removed and no apply
 * conflicts are reported). Custom resources have no patch strategies, so
 * strategic merge on them behaves as upstream refuses it… here it merges
 * like a JSON merge patch for lists (atomic) and maps.
 */
export function applyPatch(obj: KubeObject, type: PatchType, patch: unknown): KubeObject {
  switch (type) {
    case 'merge':
      return mergePatch(obj, patch) as KubeObject;
    case 'strategic':
    case 'apply':
      return strategicMergePatch(obj, patch) as KubeObject;
    case 'json':
      return jsonPatch(obj, patch) as KubeObject;
    default:
      throw badRequest(`unsupported patch type ${String(type)}`);
  }
}
