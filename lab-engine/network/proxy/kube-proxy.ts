import type { Json, KubeObject } from '../../api/types';
import type { Clock } from '../../base/clock';
import type { Rng } from '../../base/rng';
import type { NetworkIndex, ServiceEndpoint } from '../model/network-index';

export type ProxyResult =
  | { kind: 'endpoint'; service: KubeObject; servicePort: Json; endpoint: ServiceEndpoint; targetPort: number }
  /** The Service port exists but has no usable endpoints: kube-proxy REJECTs (connection refused). */
  | { kind: 'reject'; service: KubeObject; servicePort: Json; reason: string }
  /** No rule matches (unknown port, Local policy without local endpoints): packets are dropped. */
  | { kind: 'drop'; service: KubeObject; reason: string };

export interface ProxyClient {
  ip: string;
  /** Node the traffic enters kube-proxy on (the client's node, or the node of a NodePort). */
  nodeName?: string;
}

/**
 * kube-proxy's iptables-mode semantics (pkg/proxy/iptables/proxier.go):
 * Service VIPs (ClusterIP, externalIPs, LoadBalancer ingress IPs) and
 * NodePorts are DNAT-ed to one endpoint chosen at random (here: from a seeded
 * stream, so it is replayable); ready endpoints first, else serving
 * terminating ones; internalTrafficPolicy/externalTrafficPolicy Local keep
 * traffic on the entry node; sessionAffinity ClientIP pins a client to an
 * endpoint for timeoutSeconds of virtual time.
 */
export class KubeProxy {
  private affinity = new Map<string, { ip: string; atMs: number }>();

  constructor(
    private readonly index: NetworkIndex,
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  /** Traffic to a ClusterIP (from a pod or a node). */
  clusterIP(svc: KubeObject, port: number, protocol: string, client: ProxyClient): ProxyResult {
    const sp = findServicePort(svc, (p) => p.port === port && (p.protocol ?? 'TCP') === protocol);
    if (!sp) return { kind: 'drop', service: svc, reason: `no port ${port}/${protocol} on Service ${name(svc)}` };
    const local = svc.spec?.internalTrafficPolicy === 'Local' ? client.nodeName : undefined;
    return this.pick(svc, sp, client, local);
  }

  /** Traffic to externalIPs / a LoadBalancer IP on the service port. */
  external(svc: KubeObject, port: number, protocol: string, client: ProxyClient): ProxyResult {
    const sp = findServicePort(svc, (p) => p.port === port && (p.protocol ?? 'TCP') === protocol);
    if (!sp) return { kind: 'drop', service: svc, reason: `no port ${port}/${protocol} on Service ${name(svc)}` };
    return this.pick(svc, sp, client, undefined);
  }

  /** Traffic to <node IP>:<nodePort>. */
  nodePort(svc: KubeObject, nodeName: string, nodePort: number, protocol: string, client: ProxyClient): ProxyResult {
    const sp = findServicePort(svc, (p) => p.nodePort === nodePort && (p.protocol ?? 'TCP') === protocol);
    if (!sp) return { kind: 'drop', service: svc, reason: `no NodePort ${nodePort}/${protocol}` };
    const local = svc.spec?.externalTrafficPolicy === 'Local' ? nodeName : undefined;
    return this.pick(svc, sp, client, local);
  }

  private pick(svc: KubeObject, sp: Json, client: ProxyClient, localNode: string | undefined): ProxyResult {
    const all = this.index.endpoints(svc.metadata.namespace ?? '', svc.metadata.name ?? '');
    const withPort = all.filter((e) => portOf(e, sp) !== undefined);
    let usable = withPort.filter((e) => e.ready);
    if (usable.length === 0) usable = withPort.filter((e) => e.serving && e.terminating);
    if (usable.length === 0) return { kind: 'reject', service: svc, servicePort: sp, reason: `Service ${name(svc)} has no endpoints` };
    if (localNode !== undefined) {
      usable = usable.filter((e) => e.nodeName === localNode);
      if (usable.length === 0) return { kind: 'drop', service: svc, reason: `no local endpoints on ${localNode} (traffic policy Local)` };
    }
    const endpoint = this.choose(svc, sp, client, usable);
    return { kind: 'endpoint', service: svc, servicePort: sp, endpoint, targetPort: portOf(endpoint, sp)! };
  }

  private choose(svc: KubeObject, sp: Json, client: ProxyClient, usable: ServiceEndpoint[]): ServiceEndpoint {
    if (svc.spec?.sessionAffinity !== 'ClientIP') return usable[this.rng.int(usable.length)];
    const timeoutMs = (svc.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) * 1000;
    const key = `${svc.metadata.uid}/${sp.name ?? ''}/${client.ip}`;
    const now = this.clock.nowMs();
    const prev = this.affinity.get(key);
    const sticky = prev && now - prev.atMs <= timeoutMs ? usable.find((e) => e.ip === prev.ip) : undefined;
    const ep = sticky ?? usable[this.rng.int(usable.length)];
    this.affinity.set(key, { ip: ep.ip, atMs: now });
    return ep;
  }
}

function findServicePort(svc: KubeObject, pred: (p: Json) => boolean): Json | undefined {
  return (svc.spec?.ports ?? []).find(pred);
}

/** The endpoint's port for a service port: matched by name and protocol as kube-proxy does. */
function portOf(e: ServiceEndpoint, sp: Json): number | undefined {
  const want = sp.name ?? '';
  const proto = sp.protocol ?? 'TCP';
  return e.ports.find((p) => (p.name ?? '') === want && (p.protocol ?? 'TCP') === proto)?.port;
}

function name(svc: KubeObject): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}`;
}
