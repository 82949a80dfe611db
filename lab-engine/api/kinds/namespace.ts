import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { validateDns1123Label } from '../validation/names';
import { cloneJson } from '../clone';
import { strictFields } from '../openapi/strict';

/**
 * Namespace: pkg/registry/core/namespace/strategy.go. On create the phase is
 * Active and spec.finalizers gets `kubernetes`; SetDefaults_Namespace sets the
 * `kubernetes.io/metadata.name` label. Deleting a namespace with spec
 * finalizers makes it Terminating; the namespace controller empties the
 * namespace and then clears spec.finalizers with a plain update (the engine's
 * stand-in for the `finalize` subresource: spec.finalizers may only change
 * while the namespace is terminating), which completes the deletion.
 */
export const namespace: KindDef = {
  ...discoveryFor('namespaces', ''),
  hasGeneration: false,
  prepareForCreate(obj) {
    obj.status = { phase: 'Active' };
    const fins: string[] = Array.isArray(obj.spec?.finalizers) ? obj.spec.finalizers : [];
    obj.spec = { ...(obj.spec ?? {}), finalizers: fins.includes('kubernetes') ? fins : [...fins, 'kubernetes'] };
  },
  prepareForUpdate(obj, old) {
    if (!old.metadata.deletionTimestamp) obj.spec = cloneJson(old.spec);
  },
  defaults(obj) {
    obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name ?? '' };
  },
  validate: (obj) => (obj.metadata.name ? validateDns1123Label('metadata.name', obj.metadata.name) : []),
  finalizationPending: (obj) => (obj.spec?.finalizers?.length ?? 0) > 0,
  prepareForDelete(obj) {
    obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
  },
  unknownFields: (obj) => strictFields('', 'v1', 'Namespace', obj),
};
