import type { KubeObject } from '../../api/types';
import { toCompactJson } from '../output';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

const META_ORDER = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];

/**
 * The annotation's value (apply.GetModifiedConfiguration): the object as
 * JSON without the annotation itself, plus "\n". Typed objects (generators)
 * keep Go struct order; objects read from files are maps (sorted keys).
 */
export function lastAppliedValue(obj: KubeObject, typed: boolean): string {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject;
  const ann = copy.metadata?.annotations;
  if (ann) delete ann[LAST_APPLIED_ANNOTATION];
  // Unstructured SetAnnotations keeps an empty map (`"annotations":{}`); typed objects omit it.
  if (typed && ann && Object.keys(ann).length === 0) delete copy.metadata.annotations;
  if (!typed && copy.metadata && !ann) copy.metadata = withAnnotations(copy.metadata);
  return `${toCompactJson(copy, !typed)}\n`;
}

function withAnnotations(meta: KubeObject['metadata']): KubeObject['metadata'] {
  return { ...meta, annotations: {} };
}

/** create --save-config: sets the annotation on a typed object, keeping metadata in struct order. */
export function setLastApplied(obj: KubeObject, typed = true): void {
  const value = lastAppliedValue(obj, typed);
  const annotations: Record<string, string> = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: value };
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(annotations).sort()) sorted[k] = annotations[k];
  const meta: Record<string, unknown> = { ...obj.metadata, annotations: sorted };
  const ordered: Record<string, unknown> = {};
  for (const k of META_ORDER) if (k in meta) ordered[k] = meta[k];
  for (const k of Object.keys(meta)) if (!(k in ordered)) ordered[k] = meta[k];
  obj.metadata = ordered as KubeObject['metadata'];
}

export function getLastApplied(obj: KubeObject): string | undefined {
  return obj.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
}
