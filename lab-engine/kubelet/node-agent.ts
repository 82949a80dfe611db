import type { ClusterContext } from '../sim/context';
import type { KubeObject, WatchEvent } from '../api/types';
import type { KindDef } from '../api/registry';
import { Backoff } from './backoff';
import { buildNode, nodeConditions, type NodePlan } from './node-object';
import { resolveImage, type ResolvedImage } from './images/catalogue';
import { dropOnError, PodWorker, type NodeHost } from './pod-worker';
import type { VolumeDir, VolumePlugin } from './types';
import { findNetwork, type KubeletNetworkPort } from './network-port';
import { volumePlugins } from './extension';
import { mirrorPod, staticPodManifests } from './static-pods';
import { serviceEnv } from './env';

const LEASE_RENEW_MS = 10_000;
const STATUS_REPORT_MS = 5 * 60_000;
const LEASE_DURATION_SECONDS = 40;

/** Images kubeadm pre-pulls / the add-ons leave on every node, and on control planes. */
const PRELOADED = ['registry.k8s.io/pause:3.10', 'registry.k8s.io/kube-proxy:v1.32.4', 'flannel/flannel:v0.26.1', 'flannel/flannel-cni-plugin:v1.5.1-flannel2'];
const PRELOADED_CONTROL_PLANE = ['registry.k8s.io/etcd:3.5.16-0', 'registry.k8s.io/kube-apiserver:v1.32.4', 'registry.k8s.io/kube-controller-manager:v1.32.4', 'registry.k8s.io/kube-scheduler:v1.32.4', 'registry.k8s.io/coredns/coredns:v1.11.3'];

/**
 * One node's kubelet: registers the Node, renews its Lease every 10 s,
 * reports status, runs static pods (control plane) and a PodWorker for
 * every pod bound to the node.
 */
export class NodeAgent implements NodeHost {
  readonly workers = new Map<string, PodWorker>();
  readonly images = new Map<string, ResolvedImage>();
  readonly pullBackoff = new Backoff(10_000, 300_000);
  readonly crashBackoff = new Backoff(10_000, 300_000);
  readonly hostPaths = new Map<string, VolumeDir>();
  readonly podDef: KindDef;
  private ipsInUse = new Map<string, number>();
  private lastIP = 1;
  private alive = true;
  private timers: (() => void)[] = [];
  private imagesDirty = false;

  constructor(
    readonly ctx: ClusterContext,
    readonly plan: NodePlan,
    readonly fallbackPVs: Map<string, VolumeDir>,
    /** Run kubeadm's static control-plane pods (topology.systemPods). */
    private readonly staticPods = true,
  ) {
    this.podDef = ctx.registry.forResource('pods', '')!;
    const pre = [...PRELOADED, ...(plan.spec.controlPlane ? PRELOADED_CONTROL_PLANE : [])];
    for (const name of pre) {
      const r = resolveImage(name);
      if (r) this.images.set(r.fullName, r);
    }
  }

  get name(): string {
    return this.plan.spec.name;
  }

  running(): boolean {
    return this.alive;
  }

  // ---- registration, lease, status --------------------------------------------------

  /** kubelet start: register (or refresh) the Node, the Lease, static pods; start heartbeats. */
  boot(): void {
    const now = this.ctx.clock.nowRfc3339();
    const existing = this.ctx.store.peek('nodes', '', this.name);
    const nodeRef = { apiVersion: 'v1', kind: 'Node', metadata: { name: this.name, uid: this.name } } as KubeObject;
    const ev = (reason: string, message: string) => dropOnError(() => this.ctx.events.record(nodeRef, 'Normal', reason, message, { component: 'kubelet', host: this.name }));
    ev('Starting', 'Starting kubelet.');
    if (!existing) {
      this.ctx.store.create(buildNode(this.plan, now, this.imageList()));
      ev('NodeHasSufficientMemory', `Node ${this.name} status is now: NodeHasSufficientMemory`);
      ev('NodeHasNoDiskPressure', `Node ${this.name} status is now: NodeHasNoDiskPressure`);
      ev('NodeHasSufficientPID', `Node ${this.name} status is now: NodeHasSufficientPID`);
      ev('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
      ev('NodeReady', `Node ${this.name} status is now: NodeReady`);
    } else {
      this.postNodeStatus(true);
      ev('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
      ev('NodeReady', `Node ${this.name} status is now: NodeReady`);
    }
    this.renewLease();
    this.timers.push(this.every(LEASE_RENEW_MS, () => this.renewLease(), 'lease'));
    this.timers.push(this.every(STATUS_REPORT_MS, () => this.postNodeStatus(false), 'node-status'));
    this.timers.push(this.every(LEASE_RENEW_MS, () => this.imagesDirty && this.postNodeStatus(false), 'node-images'));
    if (this.plan.spec.controlPlane && this.staticPods) this.syncStaticPods();
  }

  private every(ms: number, fn: () => void, what: string): () => void {
    let cancel = () => {};
    const tick = () => {
      if (!this.alive) return;
      fn();
      cancel = this.ctx.runtime.after(ms, tick, { background: true, label: `kubelet:${this.name}:${what}` });
    };
    cancel = this.ctx.runtime.after(ms, tick, { background: true, label: `kubelet:${this.name}:${what}` });
    return () => cancel();
  }

  private renewLease(): void {
    const node = this.ctx.store.peek('nodes', '', this.name);
    const lease = this.ctx.store.peek('leases.coordination.k8s.io', 'kube-node-lease', this.name);
    const renewTime = this.ctx.clock.nowMicroTime();
    if (!lease) {
      this.ctx.store.create({
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: this.name, namespace: 'kube-node-lease', ...(node ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.name, uid: node.metadata.uid! }] } : {}) },
        spec: { holderIdentity: this.name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime },
      });
      return;
    }
    this.ctx.store.update({ ...lease, spec: { ...lease.spec, renewTime } });
  }

  /** Posts conditions (heartbeat) and images; Ready flips back to True after a restart. */
  postNodeStatus(restart: boolean): void {
    const node = this.ctx.store.peek('nodes', '', this.name);
    if (!node) return;
    const now = this.ctx.clock.nowRfc3339();
    const prev: KubeObject[] = node.status?.conditions ?? [];
    const conds = nodeConditions(now, now, true).map((c) => {
      const old = prev.find((p) => p.type === c.type);
      return old && old.status === c.status && !restart ? { ...c, lastTransitionTime: old.lastTransitionTime } : old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
    });
    this.imagesDirty = false;
    this.ctx.store.update({ ...node, status: { ...node.status, conditions: conds, images: this.imageList() } }, { subresource: 'status' });
  }

  /** node.status.images: biggest first, at most 50 (nodestatus.Images). */
  imageList(): { names: string[]; sizeBytes: number }[] {
    return [...this.images.values()]
      .sort((a, b) => b.spec.sizeBytes - a.spec.sizeBytes || (a.fullName < b.fullName ? -1 : 1))
      .slice(0, 50)
      .map((i) => ({ names: [i.imageID, i.fullName], sizeBytes: i.spec.sizeBytes }));
  }

  stop(): void {
    this.alive = false;
    for (const t of this.timers) t();
    this.timers = [];
  }

  start(): void {
    if (this.alive) return;
    this.alive = true;
    this.boot();
    for (const p of this.ctx.store.peekList('pods')) if (p.spec?.nodeName === this.name) this.onPod({ type: 'MODIFIED', object: p });
    for (const w of [...this.workers.values()]) w.requestSync();
  }

  // ---- static pods -----------------------------------------------------------------------

  staticManifests(): KubeObject[] {
    return staticPodManifests(this.plan.internalIP).map((m) => m.pod);
  }

  /** Creates missing mirror pods (the kubelet recreates a deleted mirror pod). */
  syncStaticPods(): void {
    if (!this.alive) return;
    const node = this.ctx.store.peek('nodes', '', this.name);
    if (!node) return;
    for (const m of this.staticManifests()) {
      const name = `${m.metadata.name}-${this.name}`;
      if (this.ctx.store.peek('pods', 'kube-system', name)) continue;
      const seen = `${this.ctx.clock.nowRfc3339().replace('Z', '')}.${String(100_000_000 + (this.ctx.clock.nowMs() % 1000) * 1000 + name.length * 7919).slice(0, 9)}Z`;
      this.ctx.store.create(mirrorPod(m, node, seen));
    }
  }

  // ---- pods --------------------------------------------------------------------------------

  onPod(e: WatchEvent): void {
    const pod = e.object;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const w = this.workers.get(key);
    if (e.type === 'DELETED') {
      w?.teardown();
      if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] && this.alive && this.staticPods) this.ctx.runtime.after(1_000, () => this.syncStaticPods(), { label: `kubelet:${this.name}:mirror` });
      return;
    }
    if (!this.alive) return;
    if (w && w.uid !== pod.metadata.uid) w.teardown();
    const cur = this.workers.get(key);
    if (cur) {
      if (pod.metadata.deletionTimestamp && !cur.terminating) cur.requestSync();
      else if (e.old?.spec !== pod.spec && JSON.stringify(e.old?.spec) !== JSON.stringify(pod.spec)) cur.requestSync();
      return;
    }
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    const worker = new PodWorker(this, pod);
    this.workers.set(key, worker);
    worker.requestSync();
  }

  forget(key: string): void {
    this.workers.delete(key);
  }

  /** A ConfigMap/Secret/PVC changed: pods waiting on it retry now; mounted configMap/secret volumes refresh. */
  kickWaiting(namespace: string, changed?: { resource: string; name: string }): void {
    for (const w of this.workers.values()) if (!namespace || w.pod.metadata.namespace === namespace) w.kick(changed);
  }

  // ---- NodeHost ------------------------------------------------------------------------------

  hasImage(fullName: string): boolean {
    return this.images.has(fullName);
  }

  addImage(img: ResolvedImage): void {
    if (this.images.has(img.fullName)) return;
    this.images.set(img.fullName, img);
    this.imagesDirty = true;
  }

  /** host-local IPAM: next free address after the last one handed out, .2–.254 of the node's /24. */
  allocateIP(key: string): string {
    const existing = this.ipsInUse.get(key);
    const prefix = this.plan.podCIDR.split('.').slice(0, 3).join('.');
    if (existing !== undefined) return `${prefix}.${existing}`;
    const used = new Set(this.ipsInUse.values());
    for (let i = 0; i < 253; i++) {
      const cand = ((this.lastIP - 1 + i) % 253) + 2;
      if (used.has(cand)) continue;
      this.lastIP = cand;
      this.ipsInUse.set(key, cand);
      return `${prefix}.${cand}`;
    }
    throw new Error(`node ${this.name}: pod CIDR ${this.plan.podCIDR} exhausted`);
  }

  releaseIP(key: string): void {
    this.ipsInUse.delete(key);
  }

  network(): KubeletNetworkPort | undefined {
    return findNetwork(this.ctx.services);
  }

  volumePlugins(): VolumePlugin[] {
    return volumePlugins(this.ctx.services);
  }

  allocatable(): Record<string, string> {
    return this.ctx.store.peek('nodes', '', this.name)?.status?.allocatable ?? {};
  }

  serviceEnv(namespace: string): Record<string, string> {
    const services = namespace ? this.ctx.store.peekList('services', namespace) : [];
    const k8s = this.ctx.store.peek('services', 'default', 'kubernetes');
    const base = k8s ? serviceEnv([k8s]) : KUBERNETES_ENV;
    return { ...base, ...serviceEnv(services.filter((s) => !(namespace === 'default' && s.metadata.name === 'kubernetes'))) };
  }
}

const KUBERNETES_ENV: Record<string, string> = {
  KUBERNETES_SERVICE_HOST: '10.96.0.1',
  KUBERNETES_SERVICE_PORT: '443',
  KUBERNETES_SERVICE_PORT_HTTPS: '443',
  KUBERNETES_PORT: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
  KUBERNETES_PORT_443_TCP_PORT: '443',
  KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
};

