import type { KubeObject } from '../types';
import { unknownFieldsOf } from './index';

/**
 * Strict decoding for built-in kinds: the dotted paths of fields the kind's
 * schema does not know (the store turns them into `<Kind> in version "<v>"
 * cannot be handled as a <Kind>: strict decoding error: unknown field "…"`).
 * `status` is checked too, as the decoder does.
 */
export function strictFields(group: string, version: string, kind: string, obj: KubeObject): string[] {
  return unknownFieldsOf(group, version, kind, obj);
}
