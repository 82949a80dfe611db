import type { ClusterContext } from '../sim/context';
import type { KubeObject } from '../api/types';
import type { Queue } from '../sim/runtime';
import { quantityValue } from '../api/quantity';
import { matchesLabelSelector } from '../api/selectors/label-selector';
import { recordEvent } from '../controllers/common/events';
import { PV_PROTECTION, PVC_PROTECTION } from './admission';
import type { VolumeData } from './volumes';
import { nodeFilesystems, removeTree } from '../kubelet/node-fs';

const PVC = 'persistentvolumeclaims';
const PV = 'persistentvolumes';
const SC = 'storageclasses.storage.k8s.io';
const COMPONENT = 'persistentvolume-controller';
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';

/**
 * The PersistentVolume controller (pkg/controller/volume/persistentvolume):
 * binds claims to matching volumes, provisions volumes for classes with a
 * provisioner (a local-path provisioner is simulated here), reclaims volumes
 * whose claim is gone (Delete / Retain → Released), and runs the
 * pvc-protection / pv-protection finalizer controllers.
 */
export class PvController {
  private queue!: Queue;

  constructor(
    private readonly ctx: ClusterContext,
    private readonly data: VolumeData,
  ) {}

  install(): void {
    const { store, runtime } = this.ctx;
    this.queue = runtime.register({ name: COMPONENT, reconcile: (k) => this.reconcile(k) });
    store.watch((e) => {
      this.queue.add(`pvc:${e.object.metadata.namespace}/${e.object.metadata.name}`);
      // A claim that is gone releases its volume.
      if (e.type === 'DELETED' && e.object.spec?.volumeName) this.queue.add(`pv:${e.object.spec.volumeName}`);
    }, { resource: PVC });
    store.watch((e) => this.queue.add(`pv:${e.object.metadata.name}`), { resource: PV });
    store.watch(() => this.requeueClaims(), { resource: SC });
    store.watch((e) => {
      for (const v of e.object.spec?.volumes ?? []) if (v.persistentVolumeClaim) this.queue.add(`pvc:${e.object.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);
    }, { resource: 'pods' });
  }

  /** Binds (and if needed provisions) a WaitForFirstConsumer claim for the node the scheduler chose. */
  bindForNode(pvc: KubeObject, node: string): string | undefined {
    if (pvc.spec?.volumeName) return undefined;
    const api = this.ctx.api();
    const fresh = api.get(this.ctx.registry.resolve(PVC)!, pvc.metadata.namespace!, pvc.metadata.name!);
    fresh.metadata.annotations = { ...fresh.metadata.annotations, [SELECTED_NODE]: node };
    const updated = api.update(fresh);
    this.syncClaim(updated);
    const after = this.ctx.store.peek(PVC, pvc.metadata.namespace!, pvc.metadata.name!);
    return after?.spec?.volumeName ? undefined : `persistentvolumeclaim "${pvc.metadata.name}" could not be bound on node "${node}"`;
  }

  private requeueClaims(): void {
    for (const c of this.ctx.store.peekList(PVC)) if (!c.spec?.volumeName) this.queue.add(`pvc:${c.metadata.namespace}/${c.metadata.name}`);
  }

  private reconcile(key: string): void {
    if (key.startsWith('pv:')) return this.syncVolume(key.slice(3));
    const [ns, name] = key.slice(4).split('/');
    const claim = this.ctx.store.peek(PVC, ns, name);
    if (!claim) return;
    if (claim.metadata.deletionTimestamp) return this.releaseProtection(claim);
    this.syncClaim(claim);
  }

  private syncClaim(claim: KubeObject): void {
    if (claim.spec?.volumeName) return this.completeBinding(claim);
    const className: string = claim.spec?.storageClassName ?? '';
    const sc = className ? this.ctx.store.peek(SC, '', className) : undefined;
    const pv = this.findMatch(claim);
    if (pv && (!sc || sc.volumeBindingMode !== 'WaitForFirstConsumer' || claim.metadata.annotations?.[SELECTED_NODE])) return this.bind(claim, pv);
    if (!className) return this.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    if (!sc) return this.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
    const node = claim.metadata.annotations?.[SELECTED_NODE];
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !node) {
      return this.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    }
    if (sc.provisioner === 'kubernetes.io/no-provisioner') {
      return this.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    }
    this.provision(claim, sc, node);
  }

  /** findMatchingVolume: smallest Available volume that satisfies class, modes, size, mode and selector. */
  private findMatch(claim: KubeObject): KubeObject | undefined {
    const want = quantityValue(claim.spec?.resources?.requests?.storage);
    const modes: string[] = claim.spec?.accessModes ?? [];
    const candidates = this.ctx.store.peekList(PV).filter((pv) => {
      const ref = pv.spec?.claimRef;
      if (ref && !(ref.namespace === claim.metadata.namespace && ref.name === claim.metadata.name && (!ref.uid || ref.uid === claim.metadata.uid))) return false;
      if (!ref && pv.status?.phase !== 'Available') return false;
      if (pv.metadata.deletionTimestamp) return false;
      if ((pv.spec?.storageClassName ?? '') !== (claim.spec?.storageClassName ?? '')) return false;
      if ((pv.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem')) return false;
      if (!modes.every((m) => (pv.spec?.accessModes ?? []).includes(m))) return false;
      if (quantityValue(pv.spec?.capacity?.storage) < want) return false;
      return !claim.spec?.selector || matchesLabelSelector(claim.spec.selector, pv.metadata.labels);
    });
    return candidates.sort((a, b) => quantityValue(a.spec?.capacity?.storage) - quantityValue(b.spec?.capacity?.storage))[0];
  }

  private bind(claim: KubeObject, pv: KubeObject): void {
    const api = this.ctx.api();
    const pvDef = this.ctx.registry.resolve(PV)!;
    const volume = api.get(pvDef, '', pv.metadata.name!);
    volume.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion };
    if (!pv.spec?.claimRef) volume.metadata.annotations = { ...volume.metadata.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes' };
    const bound = api.update(volume);
    api.updateStatus({ ...bound, status: { ...bound.status, phase: 'Bound' } });
    const pvc = api.get(this.ctx.registry.resolve(PVC)!, claim.metadata.namespace!, claim.metadata.name!);
    pvc.spec.volumeName = pv.metadata.name;
    pvc.metadata.annotations = { ...pvc.metadata.annotations, 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    this.completeBinding(api.update(pvc));
  }

  /** The claim names its volume: publish Bound with the volume's modes and capacity. */
  private completeBinding(claim: KubeObject): void {
    const pv = this.ctx.store.peek(PV, '', claim.spec.volumeName);
    if (!pv) {
      if (claim.status?.phase === 'Bound') this.setClaimStatus(claim, { phase: 'Lost' });
      return;
    }
    const status = { phase: 'Bound', accessModes: pv.spec?.accessModes, capacity: { storage: pv.spec?.capacity?.storage } };
    // Expansion: a grown request is applied to the volume at once (online expansion of local volumes).
    const want = claim.spec?.resources?.requests?.storage;
    if (quantityValue(want) > quantityValue(pv.spec?.capacity?.storage)) {
      const api = this.ctx.api();
      const vol = api.get(this.ctx.registry.resolve(PV)!, '', pv.metadata.name!);
      vol.spec.capacity = { ...vol.spec.capacity, storage: want };
      api.update(vol);
      status.capacity = { storage: want };
    }
    this.setClaimStatus(claim, status);
  }

  private setClaimStatus(claim: KubeObject, status: Record<string, unknown>): void {
    if (JSON.stringify(claim.status) === JSON.stringify(status)) return;
    const api = this.ctx.api();
    const fresh = api.get(this.ctx.registry.resolve(PVC)!, claim.metadata.namespace!, claim.metadata.name!);
    api.updateStatus({ ...fresh, status });
  }

  /** The simulated local-path provisioner (rancher.io/local-path): a hostPath PV pinned to the chosen node. */
  private provision(claim: KubeObject, sc: KubeObject, node: string | undefined): void {
    const provisioner: string = sc.provisioner;
    const ns = claim.metadata.namespace!;
    this.event(claim, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
    this.event(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${ns}/${claim.metadata.name}"`, provisioner);
    const name = `pvc-${claim.metadata.uid}`;
    const api = this.ctx.api();
    const pvc = api.get(this.ctx.registry.resolve(PVC)!, ns, claim.metadata.name!);
    pvc.metadata.annotations = { ...pvc.metadata.annotations, 'volume.beta.kubernetes.io/storage-provisioner': provisioner, 'volume.kubernetes.io/storage-provisioner': provisioner };
    api.update(pvc);
    if (!this.ctx.store.peek(PV, '', name)) {
      api.create({
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name, annotations: { 'pv.kubernetes.io/provisioned-by': provisioner, ...(node ? { 'local.path.provisioner/selected-node': node } : {}) } },
        spec: {
          accessModes: claim.spec?.accessModes,
          capacity: { storage: claim.spec?.resources?.requests?.storage },
          claimRef: { kind: 'PersistentVolumeClaim', namespace: ns, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion },
          hostPath: { path: `/opt/local-path-provisioner/${name}_${ns}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
          ...(node ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } } : {}),
          persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
          storageClassName: sc.metadata.name,
          volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
        },
      });
    }
    // The provisioner's helper pod makes the directory on the selected node (mkdir -m 0777 -p).
    const made = this.ctx.store.peek(PV, '', name);
    if (node && made?.spec?.hostPath?.path) nodeFilesystems(this.ctx.services, () => this.ctx.clock.nowMs()).get(node).mkdirSync(made.spec.hostPath.path, { recursive: true });
    this.event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`, provisioner);
    const pv = this.ctx.store.peek(PV, '', name)!;
    this.bind(this.ctx.store.peek(PVC, ns, claim.metadata.name!)!, pv);
  }

  /** Volume side: Available when free, Released/deleted when its claim is gone, pv-protection. */
  private syncVolume(name: string): void {
    const pv = this.ctx.store.peek(PV, '', name);
    if (!pv) return this.data.drop(name);
    const api = this.ctx.api();
    const ref = pv.spec?.claimRef;
    const claim = ref ? this.ctx.store.peek(PVC, ref.namespace, ref.name) : undefined;
    const claimGone = ref?.uid && (!claim || claim.metadata.uid !== ref.uid);
    if (pv.metadata.deletionTimestamp) {
      if (!(ref && !claimGone) && pv.metadata.finalizers?.includes(PV_PROTECTION)) {
        const fresh = api.get(this.ctx.registry.resolve(PV)!, '', name);
        fresh.metadata.finalizers = fresh.metadata.finalizers!.filter((f: string) => f !== PV_PROTECTION);
        api.update(fresh);
      }
      return;
    }
    if (claimGone) {
      if (pv.spec?.persistentVolumeReclaimPolicy === 'Delete') {
        this.deleteProvisionedDir(pv);
        api.delete(this.ctx.registry.resolve(PV)!, '', name);
        return;
      }
      if (pv.status?.phase !== 'Released') api.updateStatus({ ...api.get(this.ctx.registry.resolve(PV)!, '', name), status: { phase: 'Released' } });
      return;
    }
    if (!ref && pv.status?.phase !== 'Available') {
      api.updateStatus({ ...api.get(this.ctx.registry.resolve(PV)!, '', name), status: { phase: 'Available' } });
      this.requeueClaims();
    }
  }

  /** The local-path provisioner's teardown helper (rm -rf the volume's directory on its node). */
  private deleteProvisionedDir(pv: KubeObject): void {
    const node = pv.metadata.annotations?.['local.path.provisioner/selected-node'];
    const path = pv.spec?.hostPath?.path;
    if (!node || !path || pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by'] !== 'rancher.io/local-path') return;
    const fs = nodeFilesystems(this.ctx.services, () => this.ctx.clock.nowMs()).peek(node);
    if (fs) removeTree(fs, path);
  }

  /** pvc-protection: a claim being deleted keeps its finalizer while a running pod uses it. */
  private releaseProtection(claim: KubeObject): void {
    if (!claim.metadata.finalizers?.includes(PVC_PROTECTION)) return;
    const inUse = this.ctx.store
      .peekList('pods', claim.metadata.namespace)
      .some((p) => !['Succeeded', 'Failed'].includes(p.status?.phase) && (p.spec?.volumes ?? []).some((v: { persistentVolumeClaim?: { claimName: string } }) => v.persistentVolumeClaim?.claimName === claim.metadata.name));
    if (inUse) return;
    const api = this.ctx.api();
    const fresh = api.get(this.ctx.registry.resolve(PVC)!, claim.metadata.namespace!, claim.metadata.name!);
    fresh.metadata.finalizers = fresh.metadata.finalizers!.filter((f: string) => f !== PVC_PROTECTION);
    api.update(fresh);
  }

  private event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, component = COMPONENT): void {
    recordEvent(this.ctx, obj, type, reason, message, component);
  }
}
