import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { field, type FieldError } from '../field-errors';
import { strictFields } from '../openapi/strict';

/** PodDisruptionBudget (policy/v1; ValidatePodDisruptionBudgetSpec). Status is the disruption controller's. */
export const podDisruptionBudget: KindDef = {
  ...discoveryFor('poddisruptionbudgets', 'policy'),
  hasGeneration: true,
  prepareForCreate(obj) {
    obj.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
  validate(obj) {
    const errs: FieldError[] = [];
    const spec = obj.spec ?? {};
    if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
      errs.push(field.invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
    }
    for (const f of ['minAvailable', 'maxUnavailable'] as const) {
      const v = spec[f];
      if (v === undefined) continue;
      if (typeof v === 'number' && v < 0) errs.push(field.invalid(`spec.${f}`, v, 'must be greater than or equal to 0'));
      if (typeof v === 'string' && !/^\d+%$/.test(v)) errs.push(field.invalid(`spec.${f}`, v, 'a valid percent string must be a numeric string followed by an ending \'%\' (e.g. \'1%\',  or \'93%\', regex used for validation is \'[0-9]+%\')'));
      if (typeof v === 'string' && Number(v.slice(0, -1)) > 100) errs.push(field.invalid(`spec.${f}`, v, 'must not be greater than 100%'));
    }
    return errs;
  },
  unknownFields: (obj) => strictFields('policy', 'v1', 'PodDisruptionBudget', obj),
};
