import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { field, type FieldError } from '../field-errors';
import { strictFields } from '../openapi/strict';

const SOURCES = ['hostPath', 'local', 'nfs', 'csi', 'iscsi', 'fc', 'cephfs', 'rbd', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk'];

/** PersistentVolume (SetDefaults_PersistentVolume: Retain, Filesystem; phase Pending until the controller). */
export const persistentVolume: KindDef = {
  ...discoveryFor('persistentvolumes', ''),
  hasGeneration: false,
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending' };
  },
  defaults(obj) {
    obj.spec ??= {};
    obj.spec.persistentVolumeReclaimPolicy ??= 'Retain';
    obj.spec.volumeMode ??= 'Filesystem';
  },
  validate(obj) {
    const errs: FieldError[] = [];
    const spec = obj.spec ?? {};
    if (!spec.accessModes?.length) errs.push(field.required('spec.accessModes', ''));
    if (spec.capacity?.storage === undefined) errs.push(field.required('spec.capacity', ''));
    const sources = SOURCES.filter((s) => spec[s] !== undefined);
    if (sources.length === 0) errs.push(field.required('spec', 'must specify a volume type'));
    if (sources.length > 1) errs.push(field.forbidden(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
    if (spec.hostPath && !spec.hostPath.path) errs.push(field.required('spec.hostPath.path', ''));
    return errs;
  },
  unknownFields: (obj) => strictFields('', 'v1', 'PersistentVolume', obj),
};
