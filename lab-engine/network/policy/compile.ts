import type { Json, KubeObject } from '../../api/types';
import { fromLabelSelector, matches, type Selector } from '../../api/selectors/label-selector';
import { cidrContains, parseCidr, parseIPv4, type Cidr } from '../ip';

/** A NetworkPolicy peer, with its selectors parsed once. */
export interface CompiledPeer {
  /** Selector on pods (undefined: any pod, when only namespaceSelector is set). */
  podSelector?: Selector;
  /** Selector on namespaces (undefined: the policy's own namespace). */
  namespaceSelector?: Selector;
  ipBlock?: { cidr: Cidr; except: Cidr[] };
}

export interface CompiledPort {
  protocol: string;
  /** A number, a named container port, or undefined (every port of the protocol). */
  port?: number | string;
  endPort?: number;
}

export interface CompiledRule {
  /** undefined: the rule has no from/to, i.e. matches every peer. */
  peers?: CompiledPeer[];
  /** undefined: every port. */
  ports?: CompiledPort[];
}

export interface CompiledPolicy {
  namespace: string;
  name: string;
  podSelector: Selector;
  ingressIsolation: boolean;
  egressIsolation: boolean;
  ingress: CompiledRule[];
  egress: CompiledRule[];
}

/**
 * Compiles a networking.k8s.io/v1 NetworkPolicy: policyTypes as defaulted
 * (SetDefaults_NetworkPolicy: Ingress, plus Egress when spec.egress has
 * rules), selectors parsed, CIDRs parsed.
 */
export function compilePolicy(np: KubeObject): CompiledPolicy {
  const spec = np.spec ?? {};
  const types: string[] = spec.policyTypes?.length ? spec.policyTypes : ['Ingress', ...((spec.egress?.length ?? 0) > 0 ? ['Egress'] : [])];
  return {
    namespace: np.metadata.namespace ?? '',
    name: np.metadata.name ?? '',
    podSelector: fromLabelSelector(spec.podSelector ?? {}) ?? [],
    ingressIsolation: types.includes('Ingress'),
    egressIsolation: types.includes('Egress'),
    ingress: (spec.ingress ?? []).map((r: Json) => compileRule(r?.from, r?.ports)),
    egress: (spec.egress ?? []).map((r: Json) => compileRule(r?.to, r?.ports)),
  };
}

function compileRule(peers: Json[] | undefined, ports: Json[] | undefined): CompiledRule {
  return {
    peers: peers && peers.length ? peers.map(compilePeer) : undefined,
    ports: ports && ports.length ? ports.map((p) => ({ protocol: p?.protocol ?? 'TCP', port: p?.port, endPort: p?.endPort })) : undefined,
  };
}

function compilePeer(p: Json): CompiledPeer {
  const out: CompiledPeer = {};
  if (p?.podSelector) out.podSelector = fromLabelSelector(p.podSelector) ?? [];
  if (p?.namespaceSelector) out.namespaceSelector = fromLabelSelector(p.namespaceSelector) ?? [];
  if (p?.ipBlock) {
    const cidr = parseCidr(p.ipBlock.cidr ?? '');
    if (cidr) out.ipBlock = { cidr, except: (p.ipBlock.except ?? []).map(parseCidr).filter(Boolean) as Cidr[] };
  }
  return out;
}

/** What the policy engine knows about one end of a flow. */
export interface FlowEnd {
  ip: string;
  /** Set when the end is a (non-host-network) pod. */
  pod?: KubeObject;
  /** Labels of the pod's namespace. */
  namespaceLabels?: Record<string, string>;
}

/** Does a peer match the other end of the flow, seen from a policy in `policyNs`? */
export function peerMatches(peer: CompiledPeer, policyNs: string, other: FlowEnd): boolean {
  if (peer.ipBlock) {
    const ip = parseIPv4(other.ip);
    if (ip === undefined || !cidrContains(peer.ipBlock.cidr, ip)) return false;
    return !peer.ipBlock.except.some((c) => cidrContains(c, ip));
  }
  if (!other.pod) return false; // pod/namespace selectors select pods only
  const podNs = other.pod.metadata.namespace ?? '';
  if (peer.namespaceSelector) {
    if (!matches(peer.namespaceSelector, other.namespaceLabels)) return false;
  } else if (podNs !== policyNs) {
    return false;
  }
  return !peer.podSelector || matches(peer.podSelector, other.pod.metadata.labels);
}

/**
 * Does a policy port match the destination port? Named ports are looked up
 * on the destination pod's containers (the pod the traffic is delivered to).
 */
export function portMatches(p: CompiledPort, protocol: string, port: number, destPod: KubeObject | undefined): boolean {
  if (p.protocol !== protocol) return false;
  if (p.port === undefined) return true;
  if (typeof p.port === 'number') return p.endPort !== undefined ? port >= p.port && port <= p.endPort : port === p.port;
  if (/^\d+$/.test(p.port)) return Number(p.port) === port;
  for (const c of destPod?.spec?.containers ?? []) {
    for (const cp of c.ports ?? []) if (cp.name === p.port && (cp.protocol ?? 'TCP') === protocol && cp.containerPort === port) return true;
  }
  return false;
}
