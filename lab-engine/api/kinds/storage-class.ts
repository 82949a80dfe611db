import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { field, type FieldError } from '../field-errors';
import { strictFields } from '../openapi/strict';

/** StorageClass (pkg/apis/storage/v1/defaults.go, validation/validation.go ValidateStorageClass). */
export const storageClass: KindDef = {
  ...discoveryFor('storageclasses', 'storage.k8s.io'),
  hasGeneration: false,
  defaults(obj) {
    obj.reclaimPolicy ??= 'Delete';
    obj.volumeBindingMode ??= 'Immediate';
  },
  validate(obj) {
    const errs: FieldError[] = [];
    if (!obj.provisioner) errs.push(field.required('provisioner'));
    if (!['Delete', 'Retain'].includes(obj.reclaimPolicy)) errs.push(field.notSupported('reclaimPolicy', obj.reclaimPolicy, ['Delete', 'Retain']));
    if (!['Immediate', 'WaitForFirstConsumer'].includes(obj.volumeBindingMode)) {
      errs.push(field.notSupported('volumeBindingMode', obj.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
    }
    return errs;
  },
  validateUpdate(obj, old) {
    const errs: FieldError[] = [];
    for (const f of ['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode'] as const) {
      if (JSON.stringify(obj[f]) !== JSON.stringify(old[f])) errs.push(field.forbidden(f, 'updates to ' + f + ' are forbidden.'));
    }
    return errs;
  },
  unknownFields: (obj) => strictFields('storage.k8s.io', 'v1', 'StorageClass', obj),
};
