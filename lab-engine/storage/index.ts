import type { ClusterContext } from '../sim/context';
import type { Topology } from '../sim/topology';
import { registerVolumePlugin, volumePlugins } from '../kubelet/extension';
import { registerSchedulerPlugin } from '../scheduler/extension';
import { DEFAULT_CLASS_ANNOTATION, storageAdmission } from './admission';
import { PvController } from './pv-controller';
import { pvcVolumePlugin, VolumeData } from './volumes';
import { storageVolumeBinding } from './volume-binding';

export const STORAGE_SERVICE = 'storage';

/**
 * Storage: PersistentVolume/PersistentVolumeClaim binding and reclaim, a
 * simulated local-path provisioner behind the default StorageClass
 * (`local-path`, WaitForFirstConsumer, as Killercoda's exam-style clusters
 * have it), the kubelet's PVC volume plugin (data survives pods), and the
 * scheduler's VolumeBinding plugin.
 */
export function installStorage(ctx: ClusterContext, topology: Topology): void {
  ctx.store.admission.push(storageAdmission);
  const data = new VolumeData();
  const controller = new PvController(ctx, data);
  controller.install();
  ctx.services.set(STORAGE_SERVICE, { data, controller });
  const peek = (r: string, ns: string, n: string) => ctx.store.peek(r, ns, n);
  registerVolumePlugin(ctx.services, pvcVolumePlugin(peek, data, () => volumePlugins(ctx.services).find((p) => p.source === 'hostPath')));
  registerSchedulerPlugin(ctx.services, storageVolumeBinding(peek, controller));
  if (topology.systemPods) {
    ctx.store.create({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'local-path', annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
  }
}
