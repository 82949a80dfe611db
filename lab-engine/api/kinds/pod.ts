import type { KindDef } from '../registry';
import type { KubeObject } from '../types';
import { discoveryFor } from '../discovery';
import { defaultPodSpec } from '../defaults/pod-spec';
import { podQosClass } from '../defaults/qos';
import { validatePodSpec } from '../validation/pod-spec';
import { validatePodUpdate } from '../validation/pod-update';
import { strictFields } from '../openapi/strict';

/** Pod specs that passed validatePodSpec (only ever store-owned instances: the store copies its input). */
const validSpecs = new WeakSet<object>();

/**
 * Pod: pkg/registry/core/pod/strategy.go + SetDefaults_Pod. Status starts as
 * `{phase: Pending, qosClass}` (PrepareForCreate); qosClass is computed after
 * admission (LimitRanger may add resources), so it is filled in defaults().
 */
export const pod: KindDef = {
  ...discoveryFor('pods', ''),
  hasGeneration: false,
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending' };
  },
  defaults(obj) {
    defaultPodSpec(obj.spec, true);
    if (obj.status && obj.status.phase === 'Pending' && obj.status.qosClass === undefined) obj.status.qosClass = podQosClass(obj.spec);
  },
  validate(obj) {
    // A status write shares the stored spec instance, which was validated when it was written and is
    // never mutated after (stored objects are immutable): validatePodSpec is a pure function of it.
    if (validSpecs.has(obj.spec)) return [];
    const errs = validatePodSpec(obj.spec, 'spec');
    if (errs.length === 0 && obj.spec && typeof obj.spec === 'object') validSpecs.add(obj.spec);
    return errs;
  },
  validateUpdate(obj, old) {
    return validatePodUpdate(obj, old);
  },
  unknownFields: (obj) => strictFields('', 'v1', 'Pod', obj),
  gracePeriodSeconds: podGracePeriodSeconds,
};

/** podStrategy.CheckGracefulDelete: unscheduled or finished pods go at once. */
export function podGracePeriodSeconds(obj: KubeObject, requested: number | undefined): number {
  let period = requested ?? obj.spec?.terminationGracePeriodSeconds ?? 0;
  if (!obj.spec?.nodeName) period = 0;
  if (obj.status?.phase === 'Failed' || obj.status?.phase === 'Succeeded') period = 0;
  if (period < 0) period = 1;
  return period;
}
