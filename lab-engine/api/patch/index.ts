import type { KubeObject } from '../types';
import { badRequest } from '../errors';
import { mergePatch } from './merge-patch';

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

export const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

/**
 * Applies a patch of the given type to an object (a copy is returned).
 * Strategic merge patch and JSON patch live beside this file.
 */
export function applyPatch(obj: KubeObject, type: PatchType, patch: unknown): KubeObject {
  switch (type) {
    case 'merge':
      return mergePatch(obj, patch) as KubeObject;
    default:
      throw badRequest(`patch type ${type} is not supported yet`);
  }
}
