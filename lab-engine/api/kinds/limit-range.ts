import type { KindDef } from '../registry';
import type { Json } from '../types';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { parseQuantity } from '../quantity';
import { strictFields } from '../openapi/strict';

/** LimitRange: SetDefaults_LimitRangeItem (default ← max, defaultRequest ← default ← min) + ValidateLimitRange. */
export const limitRange: KindDef = {
  ...discoveryFor('limitranges', ''),
  hasGeneration: false,
  defaults(obj) {
    for (const item of (obj.spec?.limits ?? []) as Json[]) {
      if (item?.type !== 'Container') continue;
      item.default ??= {};
      item.defaultRequest ??= {};
      for (const [k, v] of Object.entries(item.max ?? {})) if (item.default[k] === undefined) item.default[k] = v;
      for (const [k, v] of Object.entries(item.default)) if (item.defaultRequest[k] === undefined) item.defaultRequest[k] = v;
      for (const [k, v] of Object.entries(item.min ?? {})) if (item.defaultRequest[k] === undefined) item.defaultRequest[k] = v;
    }
  },
  validate(obj) {
    const errs: FieldError[] = [];
    ((obj.spec?.limits ?? []) as Json[]).forEach((item, i) => {
      const p = `spec.limits[${i}]`;
      if (!['Pod', 'Container', 'PersistentVolumeClaim'].includes(item?.type)) errs.push(field.notSupported(`${p}.type`, item?.type ?? '', ['Container', 'Pod', 'PersistentVolumeClaim']));
      for (const [k, max] of Object.entries((item?.max ?? {}) as Record<string, string>)) {
        const min = item?.min?.[k];
        if (min !== undefined && (parseQuantity(min)?.value ?? 0) > (parseQuantity(max)?.value ?? 0)) {
          errs.push(field.invalid(`${p}.min[${k}]`, min, `min value ${min} is greater than max value ${max}`));
        }
        const def = item?.default?.[k];
        if (def !== undefined && (parseQuantity(def)?.value ?? 0) > (parseQuantity(max)?.value ?? 0)) {
          errs.push(field.invalid(`${p}.default[${k}]`, def, `default value ${def} is greater than max value ${max}`));
        }
      }
      for (const [k, dr] of Object.entries((item?.defaultRequest ?? {}) as Record<string, string>)) {
        const def = item?.default?.[k];
        if (def !== undefined && (parseQuantity(dr)?.value ?? 0) > (parseQuantity(def)?.value ?? 0)) {
          errs.push(field.invalid(`${p}.defaultRequest[${k}]`, dr, `default request value ${dr} is greater than default limit value ${def}`));
        }
      }
    });
    return errs;
  },
  unknownFields: (obj) => strictFields('', 'v1', 'LimitRange', obj),
};
