import type { AdmissionPlugin } from '../api/store';
import { forbidden } from '../api/errors';
import { quantityValue } from '../api/quantity';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';

/**
 * DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault):
 * a claim without storageClassName gets the class annotated as default.
 * StorageObjectInUseProtection adds the protection finalizers.
 * PersistentVolumeClaimResize refuses growing a claim whose class does not allow it.
 */
export const storageAdmission: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  admit(op, def, obj, old, ctx) {
    if (def.resource === 'persistentvolumeclaims' && op === 'CREATE') {
      obj.spec ??= {};
      if (obj.spec.storageClassName === undefined) {
        const def = ctx.store.peekList('storageclasses.storage.k8s.io').find((sc) => sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
        if (def) obj.spec.storageClassName = def.metadata.name;
      }
      addFinalizer(obj.metadata, PVC_PROTECTION);
    }
    if (def.resource === 'persistentvolumes' && op === 'CREATE') addFinalizer(obj.metadata, PV_PROTECTION);
    if (def.resource === 'persistentvolumeclaims' && op === 'UPDATE' && old) {
      const grew = quantityValue(obj.spec?.resources?.requests?.storage) > quantityValue(old.spec?.resources?.requests?.storage);
      if (!grew) return;
      const sc = ctx.store.peek('storageclasses.storage.k8s.io', '', old.spec?.storageClassName ?? '');
      if (!old.spec?.volumeName || !sc?.allowVolumeExpansion) {
        throw forbidden(def, obj.metadata.name ?? '', 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
      }
    }
  },
};

function addFinalizer(meta: { finalizers?: string[] }, f: string): void {
  if (!meta.finalizers?.includes(f)) meta.finalizers = [...(meta.finalizers ?? []), f];
}
