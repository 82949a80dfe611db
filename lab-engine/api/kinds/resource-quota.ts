import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { parseQuantity, QUANTITY_MSG } from '../quantity';
import { strictFields } from '../openapi/strict';
import { validateQuotaScopes } from '../admission/quota-scopes';

/** ResourceQuota: ValidateResourceQuota (hard values are quantities ≥ 0); status from the quota controller. */
export const resourceQuota: KindDef = {
  ...discoveryFor('resourcequotas', ''),
  hasGeneration: false,
  prepareForCreate(obj) {
    delete obj.status;
  },
  validate(obj) {
    const errs: FieldError[] = [];
    for (const [k, v] of Object.entries((obj.spec?.hard ?? {}) as Record<string, unknown>)) {
      const q = parseQuantity(v);
      if (!q) errs.push(field.invalid(`spec.hard[${k}]`, v, QUANTITY_MSG));
      else if (q.value < 0) errs.push(field.invalid(`spec.hard[${k}]`, v, 'must be greater than or equal to 0'));
    }
    errs.push(...validateQuotaScopes(obj.spec ?? {}));
    return errs;
  },
  unknownFields: (obj) => strictFields('', 'v1', 'ResourceQuota', obj),
};
