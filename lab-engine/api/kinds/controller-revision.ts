import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { validateNonnegative } from '../validation/names';
import { jsonEqual } from '../clone';
import { strictFields } from '../openapi/strict';

/** apps/v1 ControllerRevision: ValidateControllerRevision(Update): data required and immutable. */
export const controllerRevision: KindDef = {
  ...discoveryFor('controllerrevisions', 'apps'),
  hasGeneration: false,
  validate(obj) {
    const errs: FieldError[] = [];
    if (obj.data === undefined || obj.data === null) errs.push(field.required('data'));
    errs.push(...validateNonnegative('revision', obj.revision));
    return errs;
  },
  validateUpdate: (obj, old) => (jsonEqual(obj.data, old.data) ? [] : [field.forbidden('data', 'field is immutable')]),
  unknownFields: (obj) => strictFields('apps', 'v1', 'ControllerRevision', obj),
};
