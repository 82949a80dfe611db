import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { strictFields } from '../openapi/strict';

const HIGHEST_USER_PRIORITY = 1000000000;
const SYSTEM_CLASSES: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };

/** scheduling.k8s.io/v1 PriorityClass: SetDefaults_PriorityClass + ValidatePriorityClass(Update). */
export const priorityClass: KindDef = {
  ...discoveryFor('priorityclasses', 'scheduling.k8s.io'),
  hasGeneration: false,
  defaults(obj) {
    if (!obj.preemptionPolicy) obj.preemptionPolicy = 'PreemptLowerPriority';
  },
  validate(obj) {
    const errs: FieldError[] = [];
    const name = obj.metadata.name ?? '';
    if (name.startsWith('system-')) {
      if (SYSTEM_CLASSES[name] === undefined) {
        errs.push(field.forbidden('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${name} is not a known system priority class`));
      }
    } else if (obj.value > HIGHEST_USER_PRIORITY) {
      errs.push(field.forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_PRIORITY}`));
    }
    if (!['PreemptLowerPriority', 'Never'].includes(obj.preemptionPolicy)) {
      errs.push(field.notSupported('preemptionPolicy', obj.preemptionPolicy, ['Never', 'PreemptLowerPriority']));
    }
    return errs;
  },
  validateUpdate(obj, old) {
    const errs: FieldError[] = [];
    if (obj.value !== old.value) errs.push(field.forbidden('value', 'may not be changed in an update.'));
    if (obj.preemptionPolicy !== old.preemptionPolicy) errs.push(field.invalid('preemptionPolicy', obj.preemptionPolicy, 'field is immutable'));
    return errs;
  },
  unknownFields: (obj) => strictFields('scheduling.k8s.io', 'v1', 'PriorityClass', obj),
};
