import type { KubeObject } from '../../api/types';
import type { SchedulerPlugin } from '../types';
import { unresolvable } from './status';

type Peek = (resource: string, namespace: string, name: string) => KubeObject | undefined;

/**
 * Default VolumeBinding (plugins/volumebinding) until the storage engineer
 * replaces it: PreFilter rejects missing / terminating claims and unbound
 * claims with Immediate binding; WaitForFirstConsumer claims pass (the
 * storage plugin binds them in preBind).
 */
export function volumeBinding(peek: Peek): SchedulerPlugin {
  return {
    name: 'VolumeBinding',
    preFilter(pod) {
      let unboundImmediate = false;
      for (const v of pod.spec?.volumes ?? []) {
        const claim = v.persistentVolumeClaim?.claimName ?? (v.ephemeral ? `${pod.metadata.name}-${v.name}` : undefined);
        if (!claim) continue;
        const pvc = peek('persistentvolumeclaims', pod.metadata.namespace ?? '', claim);
        if (!pvc) return unresolvable(`persistentvolumeclaim "${claim}" not found`);
        if (pvc.metadata.deletionTimestamp) return unresolvable(`persistentvolumeclaim "${claim}" is being deleted`);
        if (pvc.spec?.volumeName || pvc.status?.phase === 'Bound') continue;
        const sc = pvc.spec?.storageClassName ? peek('storageclasses.storage.k8s.io', '', pvc.spec.storageClassName) : undefined;
        if (sc?.volumeBindingMode !== 'WaitForFirstConsumer') unboundImmediate = true;
      }
      return unboundImmediate ? unresolvable('pod has unbound immediate PersistentVolumeClaims') : undefined;
    },
  };
}
