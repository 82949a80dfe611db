import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { validateNonnegative } from '../validation/names';
import { type FieldError, field } from '../field-errors';
import { strictFields } from '../openapi/strict';

/** coordination.k8s.io/v1 Lease (node heartbeats in kube-node-lease): ValidateLeaseSpec. */
export const lease: KindDef = {
  ...discoveryFor('leases', 'coordination.k8s.io'),
  hasGeneration: false,
  validate(obj) {
    const spec = obj.spec ?? {};
    const errs: FieldError[] = [];
    if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) {
      errs.push(field.invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
    }
    errs.push(...validateNonnegative('spec.leaseTransitions', spec.leaseTransitions));
    return errs;
  },
  unknownFields: (obj) => strictFields('coordination.k8s.io', 'v1', 'Lease', obj),
};
