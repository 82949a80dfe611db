import type { KubeObject } from '../../api/types';
import type { Failure, FlowTrace, Hop, NetworkError, PolicyRef } from '../service';
import type { NetworkIndex } from './network-index';
import type { KubeProxy, ProxyResult } from '../proxy/kube-proxy';
import type { Source } from './source';
import type { FlowEnd } from '../policy/compile';
import { evaluate } from '../policy/evaluate';
import { cidrContains, parseCidr, parseIPv4 } from '../ip';

export const DEFAULT_CONNECT_TIMEOUT_MS = 130_000; // Linux: SYN retried 6 times (~127 s)
export const SERVICE_CIDR = parseCidr('10.96.0.0/12')!;

/** Where a connection was delivered, after kube-proxy and NetworkPolicy. */
export type Target =
  | { kind: 'pod'; pod: KubeObject; ip: string; port: number }
  | { kind: 'node'; nodeName: string; ip: string; port: number }
  | { kind: 'loopback-pod'; pod: KubeObject; ip: string; port: number };

export interface Connection {
  ok: true;
  target: Target;
  /** Source IP as the receiver sees it (after SNAT). */
  seenSourceIP: string;
  trace: FlowTrace;
}

export interface ConnectFailure {
  ok: false;
  error: NetworkError;
  trace: FlowTrace;
}

/** A flow being built: its hops and the policies that decided it. */
export class TraceBuilder {
  readonly path: Hop[] = [];
  readonly allowedBy: PolicyRef[] = [];
  readonly deniedBy: PolicyRef[] = [];

  hop(h: Hop): void {
    this.path.push(h);
  }

  build(): FlowTrace {
    const t: FlowTrace = { path: [...this.path] };
    if (this.allowedBy.length) t.allowedBy = [...this.allowedBy];
    if (this.deniedBy.length) t.deniedBy = [...this.deniedBy];
    return t;
  }
}

/**
 * The data path of one connection attempt to ip:port: the routing decision
 * (loopback, Service VIP, NodePort, pod, node, outside world), kube-proxy's
 * DNAT, then the sender's egress and the receiver's ingress NetworkPolicy.
 * Whether something listens is the caller's question (the kubelet's).
 */
export function connect(index: NetworkIndex, proxy: KubeProxy, src: Source, ip: string, port: number, protocol: string, tb: TraceBuilder): Connection | ConnectFailure {
  const fail = (error: NetworkError): ConnectFailure => ({ ok: false, error, trace: tb.build() });
  if (ip === '127.0.0.1' || ip === 'localhost') {
    if (src.kind === 'pod') return { ok: true, target: { kind: 'loopback-pod', pod: src.pod!, ip, port }, seenSourceIP: ip, trace: tb.build() };
    if (src.kind === 'node') {
      // kube-proxy (iptables, route_localnet) also serves NodePorts on the node's 127.0.0.1.
      const npSvc = index.serviceByNodePort(protocol, port);
      if (npSvc) return viaProxy(index, src, proxy.nodePort(npSvc, src.nodeName!, port, protocol, { ip: src.ip, nodeName: src.nodeName }), 'nodePort', ip, port, protocol, tb, src.ip);
      return { ok: true, target: { kind: 'node', nodeName: src.nodeName!, ip, port }, seenSourceIP: ip, trace: tb.build() };
    }
    return fail('connection refused');
  }
  const clusterSvc = index.serviceByClusterIP(ip);
  if (clusterSvc) {
    if (src.kind === 'outside') {
      tb.hop({ kind: 'external', detail: `${ip} is a ClusterIP: only reachable from inside the cluster`, ip, port, verdict: 'denied' });
      return fail('timeout');
    }
    return viaProxy(index, src, proxy.clusterIP(clusterSvc, port, protocol, { ip: src.ip, nodeName: src.nodeName }), 'service', ip, port, protocol, tb, src.ip);
  }
  const extSvc = index.serviceByExternalIP(ip);
  if (extSvc) {
    const seen = src.kind === 'outside' && extSvc.spec?.externalTrafficPolicy === 'Cluster' ? lbNodeIP(index) ?? src.ip : src.ip;
    return viaProxy(index, src, proxy.external(extSvc, port, protocol, { ip: src.ip, nodeName: src.nodeName }), 'loadBalancer', ip, port, protocol, tb, seen);
  }
  const node = index.nodeByIP(ip);
  if (node) {
    const npSvc = index.serviceByNodePort(protocol, port);
    if (npSvc) {
      const nodeName = node.metadata.name!;
      const seen = npSvc.spec?.externalTrafficPolicy === 'Local' ? src.ip : ip;
      return viaProxy(index, src, proxy.nodePort(npSvc, nodeName, port, protocol, { ip: src.ip, nodeName }), 'nodePort', ip, port, protocol, tb, seen);
    }
    const hp = index.hostPort(node.metadata.name!, protocol, port);
    if (hp) {
      const podRef = { namespace: hp.pod.metadata.namespace ?? '', name: hp.pod.metadata.name ?? '' };
      tb.hop({ kind: 'node', detail: `node ${node.metadata.name} ${ip}:${port} hostPort → pod ${podRef.namespace}/${podRef.name}:${hp.containerPort}`, pod: podRef, ip, port });
      return toPod(index, src, hp.pod, hp.pod.status.podIP, hp.containerPort, protocol, tb, src.ip); // portmap DNATs only
    }
    return toNode(index, src, node.metadata.name!, ip, port, protocol, tb);
  }
  const pod = index.podByIP(ip);
  if (pod) {
    if (src.kind === 'outside') {
      tb.hop({ kind: 'external', detail: `${ip} is a pod IP: not routable from outside the cluster`, ip, port, verdict: 'denied' });
      return fail('timeout');
    }
    return toPod(index, src, pod, ip, port, protocol, tb, src.ip);
  }
  const n = parseIPv4(ip);
  const inServiceRange = n !== undefined && cidrContains(SERVICE_CIDR, n);
  tb.hop({ kind: 'external', detail: inServiceRange ? `${ip}: no Service has this ClusterIP` : `${ip}: no route (the lab network has no outside access)`, ip, port, verdict: 'denied' });
  return fail('timeout');
}

function lbNodeIP(index: NetworkIndex): string | undefined {
  const names = index.nodeNames();
  return names.length ? index.nodeIP(names[0]) : undefined;
}

function viaProxy(index: NetworkIndex, src: Source, r: ProxyResult, kind: 'service' | 'nodePort' | 'loadBalancer', ip: string, port: number, protocol: string, tb: TraceBuilder, seenIP: string): Connection | ConnectFailure {
  const svcRef = { namespace: r.service.metadata.namespace ?? '', name: r.service.metadata.name ?? '' };
  const label = `Service ${svcRef.namespace}/${svcRef.name}`;
  if (r.kind === 'drop') {
    tb.hop({ kind, detail: `${label} ${ip}:${port}/${protocol}: dropped (${r.reason})`, service: svcRef, ip, port, verdict: 'denied' });
    return { ok: false, error: 'timeout', trace: tb.build() };
  }
  if (r.kind === 'reject') {
    tb.hop({ kind, detail: `${label} ${ip}:${port}/${protocol}: rejected (${r.reason})`, service: svcRef, ip, port, verdict: 'denied' });
    return { ok: false, error: 'connection refused', trace: tb.build() };
  }
  const ep = r.endpoint;
  const podDesc = ep.pod ? ` (pod ${ep.pod.namespace}/${ep.pod.name})` : '';
  tb.hop({ kind, detail: `${label} ${ip}:${port} → ${ep.ip}:${r.targetPort}${podDesc}`, service: svcRef, pod: ep.pod, ip: ep.ip, port: r.targetPort });
  const pod = index.podByIP(ep.ip);
  if (pod) return toPod(index, src, pod, ep.ip, r.targetPort, protocol, tb, seenIP);
  const node = index.nodeByIP(ep.ip);
  if (node) return toNode(index, src, node.metadata.name!, ep.ip, r.targetPort, protocol, tb);
  tb.hop({ kind: 'external', detail: `${ep.ip}:${r.targetPort}: endpoint outside the cluster (no route)`, ip: ep.ip, port: r.targetPort, verdict: 'denied' });
  return { ok: false, error: 'timeout', trace: tb.build() };
}

function toPod(index: NetworkIndex, src: Source, pod: KubeObject, ip: string, port: number, protocol: string, tb: TraceBuilder, seenIP: string): Connection | ConnectFailure {
  const podRef = { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '' };
  const self = src.pod && src.pod.metadata.uid === pod.metadata.uid;
  const dest: FlowEnd = { ip, pod, namespaceLabels: index.namespaceLabels(podRef.namespace) };
  // After kube-proxy's masquerade (NodePort with eTP Cluster) the receiver sees the node, not the pod.
  const from: FlowEnd = src.kind === 'pod' && src.pod && seenIP === src.ip ? { ip: src.ip, pod: src.pod, namespaceLabels: index.namespaceLabels(src.pod.metadata.namespace ?? '') } : { ip: seenIP };
  if (!self && src.kind === 'pod' && src.pod) {
    const sender: FlowEnd = { ip: src.ip, pod: src.pod, namespaceLabels: index.namespaceLabels(src.pod.metadata.namespace ?? '') };
    const v = evaluate(index.policies(src.pod.metadata.namespace ?? ''), 'Egress', sender, dest, protocol, port, dest);
    if (v.isolated) {
      tb.hop({ kind: 'egress-policy', detail: `egress from ${src.label} to ${ip}:${port}/${protocol}: ${v.allowed ? 'allowed' : 'dropped'}`, pod: podRef, ip, port, verdict: v.allowed ? 'allowed' : 'denied', policies: v.allowed ? v.allowedBy : v.deniedBy });
      tb.allowedBy.push(...v.allowedBy);
      if (!v.allowed) {
        tb.deniedBy.push(...v.deniedBy);
        return { ok: false, error: 'timeout', trace: tb.build() };
      }
    }
  }
  if (!self) {
    const v = evaluate(index.policies(podRef.namespace), 'Ingress', dest, from, protocol, port, dest);
    if (v.isolated) {
      tb.hop({ kind: 'ingress-policy', detail: `ingress to pod ${podRef.namespace}/${podRef.name} from ${from.pod ? `pod ${from.pod.metadata.namespace}/${from.pod.metadata.name}` : from.ip} on ${port}/${protocol}: ${v.allowed ? 'allowed' : 'dropped'}`, pod: podRef, ip, port, verdict: v.allowed ? 'allowed' : 'denied', policies: v.allowed ? v.allowedBy : v.deniedBy });
      tb.allowedBy.push(...v.allowedBy);
      if (!v.allowed) {
        tb.deniedBy.push(...v.deniedBy);
        return { ok: false, error: 'timeout', trace: tb.build() };
      }
    }
  }
  tb.hop({ kind: 'pod', detail: `pod ${podRef.namespace}/${podRef.name} ${ip}:${port}/${protocol}`, pod: podRef, ip, port, verdict: 'allowed' });
  return { ok: true, target: { kind: 'pod', pod, ip, port }, seenSourceIP: seenIP, trace: tb.build() };
}

function toNode(index: NetworkIndex, src: Source, nodeName: string, ip: string, port: number, protocol: string, tb: TraceBuilder): Connection | ConnectFailure {
  if (src.kind === 'pod' && src.pod) {
    const from: FlowEnd = { ip: src.ip, pod: src.pod, namespaceLabels: index.namespaceLabels(src.pod.metadata.namespace ?? '') };
    const dest: FlowEnd = { ip };
    const v = evaluate(index.policies(src.pod.metadata.namespace ?? ''), 'Egress', from, dest, protocol, port, dest);
    if (v.isolated) {
      tb.hop({ kind: 'egress-policy', detail: `egress from ${src.label} to ${ip}:${port}/${protocol}: ${v.allowed ? 'allowed' : 'dropped'}`, ip, port, verdict: v.allowed ? 'allowed' : 'denied', policies: v.allowed ? v.allowedBy : v.deniedBy });
      tb.allowedBy.push(...v.allowedBy);
      if (!v.allowed) {
        tb.deniedBy.push(...v.deniedBy);
        return { ok: false, error: 'timeout', trace: tb.build() };
      }
    }
  }
  tb.hop({ kind: 'node', detail: `node ${nodeName} ${ip}:${port}/${protocol}`, ip, port, verdict: 'allowed' });
  return { ok: true, target: { kind: 'node', nodeName, ip, port }, seenSourceIP: src.ip, trace: tb.build() };
}

export function failure(error: NetworkError, host: string, elapsedMs: number, trace: FlowTrace, extra: Partial<Failure> = {}): Failure {
  return { ok: false, error, host, elapsedMs, trace, ...extra };
}
