/** printPersistentVolume, printPersistentVolumeClaim, printStorageClass (printers.go). */
import type { KubeObject } from '../../../api/types';
import { type KindPrinter, col } from '../types';
import { accessModes, age } from '../helpers';

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** helper.GetPersistentVolumeClass / GetPersistentVolumeClaimClass: beta annotation first. */
export function storageClassOf(o: KubeObject): string {
  const ann = o.metadata.annotations?.[BETA_CLASS];
  if (ann !== undefined) return ann;
  return o.spec?.storageClassName ?? '';
}

export const persistentVolumePrinter: KindPrinter = {
  columns: [
    col('Name'), col('Capacity'), col('Access Modes'), col('Reclaim Policy'), col('Status'), col('Claim'),
    col('StorageClass'), col('VolumeAttributesClass'), col('Reason'), col('Age'), col('VolumeMode', 'string', 1),
  ],
  row(o, ctx) {
    const spec = o.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    const phase = o.metadata.deletionTimestamp ? 'Terminating' : o.status?.phase ?? '';
    return [o.metadata.name, spec.capacity?.storage ?? '0', accessModes(spec.accessModes), spec.persistentVolumeReclaimPolicy ?? '', phase, claim,
      storageClassOf(o), spec.volumeAttributesClassName ?? '<unset>', o.status?.reason ?? '', age(o, ctx.nowMs), spec.volumeMode ?? '<unset>'];
  },
};

export const persistentVolumeClaimPrinter: KindPrinter = {
  columns: [
    col('Name'), col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'),
    col('VolumeAttributesClass'), col('Age'), col('VolumeMode', 'string', 1),
  ],
  row(o, ctx) {
    const spec = o.spec ?? {};
    const phase = o.metadata.deletionTimestamp ? 'Terminating' : o.status?.phase ?? '';
    const bound = !!spec.volumeName;
    const capacity = bound ? o.status?.capacity?.storage ?? '0' : '';
    const modes = bound ? accessModes(o.status?.accessModes) : '';
    return [o.metadata.name, phase, spec.volumeName ?? '', capacity, modes, storageClassOf(o), spec.volumeAttributesClassName ?? '<unset>',
      age(o, ctx.nowMs), spec.volumeMode ?? '<unset>'];
  },
};

/** storageutil.IsDefaultAnnotation. */
export function isDefaultStorageClass(o: KubeObject): boolean {
  const a = o.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

export const storageClassPrinter: KindPrinter = {
  columns: [col('Name'), col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion'), col('Age')],
  row(o, ctx) {
    const name = isDefaultStorageClass(o) ? `${o.metadata.name} (default)` : o.metadata.name;
    return [name, o.provisioner ?? '', o.reclaimPolicy ?? 'Delete', o.volumeBindingMode ?? 'Immediate', o.allowVolumeExpansion ?? false, age(o, ctx.nowMs)];
  },
};
