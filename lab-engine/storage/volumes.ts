import type { KubeObject } from '../api/types';
import type { VolumeDir, VolumePlugin } from '../kubelet/types';
import { newVolumeDir } from '../kubelet/fs';

/**
 * The data of every PersistentVolume, by PV name: what a pod writes to a
 * PVC-backed mount lives here, shared by every pod that mounts the same PV
 * and kept when pods go away, until the PV itself is deleted.
 */
export class VolumeData {
  private dirs = new Map<string, VolumeDir>();

  dir(pvName: string): VolumeDir {
    let d = this.dirs.get(pvName);
    if (!d) this.dirs.set(pvName, (d = newVolumeDir()));
    return d;
  }

  drop(pvName: string): void {
    this.dirs.delete(pvName);
  }

  /** Deterministic view for state hashes. */
  snapshot(): [string, [string, string][]][] {
    return [...this.dirs.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))]);
  }
}

type Peek = (resource: string, namespace: string, name: string) => KubeObject | undefined;

/** The kubelet's `persistentVolumeClaim` volume plugin: mount the bound PV's data. */
export function pvcVolumePlugin(peek: Peek, data: VolumeData, hostPath?: () => VolumePlugin | undefined): VolumePlugin {
  return {
    source: 'persistentVolumeClaim',
    setUp(pod, volume) {
      const claimName = volume.persistentVolumeClaim?.claimName as string;
      const pvc = peek('persistentvolumeclaims', pod.metadata.namespace ?? '', claimName);
      if (!pvc) return { error: `persistentvolumeclaim "${claimName}" not found` };
      if (pvc.status?.phase !== 'Bound' || !pvc.spec?.volumeName) return { pending: `persistentvolumeclaim "${claimName}" is not bound` };
      // A hostPath PV (static, or the local-path provisioner's) is that directory on the pod's node.
      const pvSource = peek('persistentvolumes', '', pvc.spec.volumeName)?.spec?.hostPath;
      const onNode = pvSource ? hostPath?.() : undefined;
      if (onNode) {
        const r = onNode.setUp(pod, { name: volume.name, hostPath: pvSource } as unknown as KubeObject);
        return 'dir' in r && volume.persistentVolumeClaim?.readOnly ? { dir: { ...r.dir, readOnly: true } } : r;
      }
      const dir = data.dir(pvc.spec.volumeName);
      return { dir: volume.persistentVolumeClaim?.readOnly ? { ...dir, readOnly: true } : dir };
    },
  };
}
