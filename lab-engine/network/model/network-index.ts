import type { Store } from '../../api/store';
import type { Json, KubeObject } from '../../api/types';
import { SERVICE_NAME_LABEL } from '../endpointslice/reconcile';
import { compilePolicy, type CompiledPolicy } from '../policy/compile';

/** One endpoint of a Service, flattened from its EndpointSlices. */
export interface ServiceEndpoint {
  ip: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName?: string;
  hostname?: string;
  pod?: { namespace: string; name: string };
  /** Endpoint ports of the slice, by service port name (`''` when unnamed). */
  ports: Json[];
}

const R = {
  services: 'services',
  slices: 'endpointslices.discovery.k8s.io',
  pods: 'pods',
  nodes: 'nodes',
  namespaces: 'namespaces',
  policies: 'networkpolicies.networking.k8s.io',
};

/**
 * What kube-proxy, CoreDNS and the CNI's policy engine keep in memory: maps
 * from addresses to Services, Pods and Nodes, endpoints per Service, and
 * compiled NetworkPolicies per namespace. Each map is rebuilt lazily after a
 * watch event on its resource, so a request costs map lookups only.
 */
export class NetworkIndex {
  private dirty = new Set<string>(Object.values(R));
  private _services = new Map<string, KubeObject>(); // ns/name
  private _byClusterIP = new Map<string, KubeObject>();
  private _byExternalIP = new Map<string, KubeObject>(); // externalIPs + LB ingress IPs
  private _byNodePort = new Map<string, KubeObject>(); // "TCP/30080"
  private _endpoints = new Map<string, ServiceEndpoint[]>(); // ns/name
  private _podsByIP = new Map<string, KubeObject>();
  private _hostPorts = new Map<string, { pod: KubeObject; containerPort: number }>(); // node/proto/hostPort
  private _nodesByIP = new Map<string, KubeObject>();
  private _nodeIPs = new Map<string, string>(); // node name -> InternalIP
  private _policies = new Map<string, CompiledPolicy[]>(); // ns -> policies
  private compiled = new Map<string, { rv: string; policy: CompiledPolicy }>();

  constructor(private readonly store: Store) {
    store.watch((ev) => {
      const r = (ev as { resource?: string }).resource;
      if (r && this.watched.has(r)) {
        this.dirty.add(r);
        this.version++;
      }
    });
  }

  private readonly watched = new Set(Object.values(R));
  /** Bumped on every change the network depends on (for memoised decisions). */
  version = 0;

  service(namespace: string, name: string): KubeObject | undefined {
    this.refresh(R.services);
    return this._services.get(`${namespace}/${name}`);
  }

  serviceByClusterIP(ip: string): KubeObject | undefined {
    this.refresh(R.services);
    return this._byClusterIP.get(ip);
  }

  serviceByExternalIP(ip: string): KubeObject | undefined {
    this.refresh(R.services);
    return this._byExternalIP.get(ip);
  }

  serviceByNodePort(protocol: string, port: number): KubeObject | undefined {
    this.refresh(R.services);
    return this._byNodePort.get(`${protocol}/${port}`);
  }

  endpoints(namespace: string, name: string): ServiceEndpoint[] {
    this.refresh(R.slices);
    return this._endpoints.get(`${namespace}/${name}`) ?? [];
  }

  podByIP(ip: string): KubeObject | undefined {
    this.refresh(R.pods);
    return this._podsByIP.get(ip);
  }

  pod(namespace: string, name: string): KubeObject | undefined {
    return this.store.peek(R.pods, namespace, name);
  }

  /** A pod publishing containerPort on its node's hostPort (the CNI portmap plugin). */
  hostPort(nodeName: string, protocol: string, port: number): { pod: KubeObject; containerPort: number } | undefined {
    this.refresh(R.pods);
    return this._hostPorts.get(`${nodeName}/${protocol}/${port}`);
  }

  nodeByIP(ip: string): KubeObject | undefined {
    this.refresh(R.nodes);
    return this._nodesByIP.get(ip);
  }

  nodeIP(name: string): string | undefined {
    this.refresh(R.nodes);
    return this._nodeIPs.get(name);
  }

  /** Node names with an InternalIP, in name order. */
  nodeNames(): string[] {
    this.refresh(R.nodes);
    return [...this._nodeIPs.keys()];
  }

  namespaceLabels(ns: string): Record<string, string> {
    return this.store.peek(R.namespaces, '', ns)?.metadata.labels ?? {};
  }

  policies(namespace: string): CompiledPolicy[] {
    this.refresh(R.policies);
    return this._policies.get(namespace) ?? [];
  }

  private refresh(resource: string): void {
    if (!this.dirty.has(resource)) return;
    this.dirty.delete(resource);
    if (resource === R.services) this.rebuildServices();
    else if (resource === R.slices) this.rebuildEndpoints();
    else if (resource === R.pods) this.rebuildPods();
    else if (resource === R.nodes) this.rebuildNodes();
    else if (resource === R.policies) this.rebuildPolicies();
  }

  private rebuildServices(): void {
    this._services.clear();
    this._byClusterIP.clear();
    this._byExternalIP.clear();
    this._byNodePort.clear();
    for (const svc of this.store.peekList(R.services)) {
      this._services.set(`${svc.metadata.namespace}/${svc.metadata.name}`, svc);
      for (const ip of svc.spec?.clusterIPs ?? []) if (ip && ip !== 'None') this._byClusterIP.set(ip, svc);
      for (const ip of svc.spec?.externalIPs ?? []) this._byExternalIP.set(ip, svc);
      if (svc.spec?.type === 'LoadBalancer') for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip) this._byExternalIP.set(ing.ip, svc);
      for (const p of svc.spec?.ports ?? []) if (p.nodePort) this._byNodePort.set(`${p.protocol ?? 'TCP'}/${p.nodePort}`, svc);
    }
  }

  private rebuildEndpoints(): void {
    this._endpoints.clear();
    for (const slice of this.store.peekList(R.slices)) {
      const svcName = slice.metadata.labels?.[SERVICE_NAME_LABEL];
      if (!svcName || slice.addressType !== 'IPv4') continue;
      const key = `${slice.metadata.namespace}/${svcName}`;
      let list = this._endpoints.get(key);
      if (!list) this._endpoints.set(key, (list = []));
      for (const ep of slice.endpoints ?? []) list.push(toEndpoint(ep, slice.ports ?? []));
    }
  }

  private rebuildPods(): void {
    this._podsByIP.clear();
    this._hostPorts.clear();
    for (const pod of this.store.peekList(R.pods)) {
      const ip = pod.status?.podIP;
      if (!ip || pod.spec?.hostNetwork) continue;
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      this._podsByIP.set(ip, pod);
      for (const c of pod.spec?.containers ?? []) {
        for (const p of c.ports ?? []) {
          if (p.hostPort) this._hostPorts.set(`${pod.spec.nodeName}/${p.protocol ?? 'TCP'}/${p.hostPort}`, { pod, containerPort: p.containerPort });
        }
      }
    }
  }

  private rebuildNodes(): void {
    this._nodesByIP.clear();
    this._nodeIPs.clear();
    for (const node of this.store.peekList(R.nodes)) {
      const ip = (node.status?.addresses ?? []).find((a: Json) => a.type === 'InternalIP')?.address;
      if (!ip) continue;
      this._nodesByIP.set(ip, node);
      this._nodeIPs.set(node.metadata.name!, ip);
    }
  }

  private rebuildPolicies(): void {
    this._policies.clear();
    const seen = new Set<string>();
    for (const np of this.store.peekList(R.policies)) {
      const key = `${np.metadata.namespace}/${np.metadata.name}`;
      seen.add(key);
      let c = this.compiled.get(key);
      if (!c || c.rv !== np.metadata.resourceVersion) this.compiled.set(key, (c = { rv: np.metadata.resourceVersion ?? '', policy: compilePolicy(np) }));
      const ns = np.metadata.namespace ?? '';
      let list = this._policies.get(ns);
      if (!list) this._policies.set(ns, (list = []));
      list.push(c.policy);
    }
    for (const k of [...this.compiled.keys()]) if (!seen.has(k)) this.compiled.delete(k);
  }
}

function toEndpoint(ep: Json, ports: Json[]): ServiceEndpoint {
  const c = ep.conditions ?? {};
  const ready = c.ready !== false; // nil ready means ready (EndpointConditions doc)
  return {
    ip: ep.addresses?.[0],
    ready,
    serving: c.serving ?? ready,
    terminating: c.terminating ?? false,
    nodeName: ep.nodeName,
    hostname: ep.hostname,
    pod: ep.targetRef?.kind === 'Pod' ? { namespace: ep.targetRef.namespace, name: ep.targetRef.name } : undefined,
    ports,
  };
}
