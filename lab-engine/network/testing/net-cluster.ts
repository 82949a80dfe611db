import { Clock } from '../../base/clock';
import { Rng } from '../../base/rng';
import { Registry } from '../../api/registry';
import { BUILTIN_KINDS } from '../../api/kinds';
import { Store } from '../../api/store';
import { ApiClient, type Authorizer } from '../../api/client';
import { EventRecorder } from '../../api/event-recorder';
import { ADMIN_USER, type Json, type KubeObject, type UserInfo } from '../../api/types';
import { Runtime } from '../../sim/runtime';
import type { ClusterContext } from '../../sim/context';
import type { Topology } from '../../sim/topology';
import { installAdmission } from '../../api/admission';
import { installNetworking } from '../index';
import type { NetworkModel } from '../model/network-model';
import type { InboundHttpRequest, InboundHttpResult, PodResponder, Protocol } from '../service';
import { KUBELET_SERVICE } from '../service';

/**
 * A cluster with only the API server and the network installed, for the
 * network's own tests: nodes and running pods are written directly (no
 * scheduler or kubelet), and a small fake PodResponder plays the kubelet's
 * process model (nginx answers on 80, `echo` images echo the request).
 */
export class NetCluster implements ClusterContext {
  readonly clock = new Clock(Date.UTC(2026, 0, 5, 9, 0, 0));
  readonly rng: Rng;
  readonly registry = new Registry(BUILTIN_KINDS);
  readonly store: Store;
  readonly runtime: Runtime;
  readonly events: EventRecorder;
  readonly services = new Map<string, unknown>();
  readonly net: NetworkModel;
  private podSeq = new Map<string, number>();

  constructor(seed = 7, opts: { addons?: string[]; nodes?: string[] } = {}) {
    this.rng = new Rng(seed);
    this.store = new Store(this.registry, this.clock, this.rng.derive('store'));
    this.runtime = new Runtime(this.clock);
    this.events = new EventRecorder(this.store, this.clock);
    const nodes = opts.nodes ?? ['controlplane', 'node01', 'node02'];
    const topology = { name: 'net', systemPods: true, nodes: nodes.map((n) => ({ name: n, controlPlane: n === 'controlplane' })), addons: opts.addons } as Topology;
    installAdmission(this, topology);
    this.net = installNetworking(this, topology);
    this.services.set(KUBELET_SERVICE, fakeResponder);
    nodes.forEach((n, i) => this.addNode(n, i));
    this.settle();
  }

  api(user: UserInfo = ADMIN_USER): ApiClient {
    return new ApiClient(this.store, this.registry, user);
  }

  setAuthorizer(_a: Authorizer): void {}

  settle(): void {
    for (let i = 0; i < 1000; i++) {
      this.runtime.drain(100_000);
      const next = this.runtime.nextTimerMs(false);
      if (next === undefined) return;
      if (next > this.clock.nowMs()) this.clock.advanceTo(next);
      this.runtime.runDueTimers(this.clock.nowMs(), 100_000);
    }
    throw new Error('NetCluster.settle: no quiescence');
  }

  addNode(name: string, i: number): void {
    const labels: Record<string, string> = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' };
    if (name === 'controlplane') {
      labels['node-role.kubernetes.io/control-plane'] = '';
      labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
    }
    this.store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: { podCIDR: `10.244.${i}.0/24` } });
    const node = this.store.peek('nodes', '', name)!;
    this.store.update({ ...node, status: { addresses: [{ type: 'InternalIP', address: `192.168.49.${i + 2}` }, { type: 'Hostname', address: name }] } }, { subresource: 'status' });
  }

  /** A running pod on `node` with an IP from the node's /24. */
  addPod(ns: string, name: string, opts: { labels?: Record<string, string>; node?: string; image?: string; ports?: Json[]; ready?: boolean; spec?: Json } = {}): KubeObject {
    const node = opts.node ?? 'node01';
    const idx = ['controlplane', 'node01', 'node02'].indexOf(node);
    const seq = (this.podSeq.get(node) ?? 4) + 1;
    this.podSeq.set(node, seq);
    const ip = `10.244.${idx < 0 ? 9 : idx}.${seq}`;
    this.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ns, labels: opts.labels ?? {} },
      spec: { nodeName: node, containers: [{ name: 'c', image: opts.image ?? 'nginx:1.27', ports: opts.ports ?? [] }], ...(opts.spec ?? {}) },
    });
    return this.setPodStatus(ns, name, ip, opts.ready ?? true);
  }

  setPodStatus(ns: string, name: string, ip: string, ready: boolean): KubeObject {
    const pod = this.store.peek('pods', ns, name)!;
    const conditions = [{ type: 'Ready', status: ready ? 'True' : 'False' }];
    this.store.update({ ...pod, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions } }, { subresource: 'status' });
    this.settle();
    return this.store.peek('pods', ns, name)!;
  }

  /** Namespaces get the kubernetes.io/metadata.name label from the API server's defaults. */
  addNamespace(name: string, labels: Record<string, string> = {}): void {
    this.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
    this.settle();
  }

  apply(obj: KubeObject): KubeObject {
    const out = this.store.create(obj).object;
    this.settle();
    return out;
  }
}

/** image → ports it listens on (TCP). */
const IMAGE_PORTS: Record<string, number[]> = { nginx: [80], 'http-echo': [5678], redis: [6379], busybox: [], coredns: [53] };

export const NGINX_WELCOME = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n</html>\n';

export const fakeResponder: PodResponder = {
  isListening(pod: KubeObject, port: number, protocol: Protocol): boolean {
    if (protocol !== 'TCP') return false;
    const image = String(pod.spec?.containers?.[0]?.image ?? '').split(':')[0].split('/').pop()!;
    return (IMAGE_PORTS[image] ?? []).includes(port) || (pod.spec?.containers ?? []).some((c: Json) => (c.ports ?? []).some((p: Json) => p.containerPort === port));
  },
  serveHttp(pod: KubeObject, port: number, req: InboundHttpRequest): InboundHttpResult {
    const image = String(pod.spec?.containers?.[0]?.image ?? '');
    if (image.startsWith('nginx') && port === 80) {
      if (req.path === '/' || req.path === '/index.html') return { status: 200, headers: { 'content-type': 'text/html' }, body: NGINX_WELCOME };
      return { status: 404, body: 'not found' };
    }
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: `${pod.metadata.name} ${req.method} ${req.path} host=${req.headers.host} from=${req.remoteIP}` };
  },
};
