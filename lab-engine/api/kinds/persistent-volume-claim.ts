import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { field, type FieldError } from '../field-errors';
import { parseQuantity } from '../quantity';
import { strictFields } from '../openapi/strict';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

/**
 * PersistentVolumeClaim (pkg/registry/core/persistentvolumeclaim/strategy.go,
 * pkg/apis/core/validation ValidatePersistentVolumeClaim[Update]). The class
 * default comes from the DefaultStorageClass admission plugin (storage/).
 */
export const persistentVolumeClaim: KindDef = {
  ...discoveryFor('persistentvolumeclaims', ''),
  hasGeneration: false,
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending' };
  },
  defaults(obj) {
    obj.spec ??= {};
    obj.spec.volumeMode ??= 'Filesystem';
  },
  validate(obj) {
    const errs: FieldError[] = [];
    const spec = obj.spec ?? {};
    const modes: string[] = spec.accessModes ?? [];
    if (!modes.length) errs.push(field.required('spec.accessModes', 'at least 1 access mode is required'));
    for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.push(field.notSupported('spec.accessModes', m, ACCESS_MODES));
    const storage = spec.resources?.requests?.storage;
    if (storage === undefined) errs.push(field.required('spec.resources[storage]', ''));
    else if (!parseQuantity(storage) || (parseQuantity(storage)?.value ?? 0) <= 0) errs.push(field.invalid('spec.resources[storage]', storage, 'must be greater than zero'));
    return errs;
  },
  validateUpdate(obj, old) {
    // Only resources.requests (expansion) may change after creation; binding fills volumeName once.
    const strip = (s: Record<string, unknown> | undefined, bound: boolean) => {
      const { resources: _r, volumeAttributesClassName: _v, ...rest } = s ?? {};
      if (!bound) delete (rest as Record<string, unknown>).volumeName;
      return JSON.stringify(rest);
    };
    const wasBound = !!old.spec?.volumeName;
    if (strip(obj.spec, wasBound) !== strip(old.spec, wasBound)) {
      return [field.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims')];
    }
    return [];
  },
  unknownFields: (obj) => strictFields('', 'v1', 'PersistentVolumeClaim', obj),
};
