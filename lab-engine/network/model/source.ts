import type { KubeObject } from '../../api/types';
import type { TrafficSource } from '../service';
import type { NetworkIndex } from './network-index';
import { NODE_RESOLVER, podHostEntries, podResolverConfig, type ResolverConfig } from '../dns/resolv-conf';

/** The sending side of a flow, resolved against the cluster. */
export interface Source {
  kind: 'pod' | 'node' | 'outside';
  /** Source IP on the wire before any SNAT. */
  ip: string;
  pod?: KubeObject;
  /** Node the sender is on (pods, nodes); undefined outside. */
  nodeName?: string;
  resolver: ResolverConfig;
  /** /etc/hosts entries (lower-case name → IP). */
  hosts: Map<string, string>;
  label: string;
}

export const DEFAULT_OUTSIDE_IP = '192.168.49.1';

/** Resolves a TrafficSource; throws for a pod that does not exist or has no IP yet (the caller's bug). */
export function resolveSource(index: NetworkIndex, from: TrafficSource): Source {
  if (from === 'outside') {
    return { kind: 'outside', ip: outsideIP(index), resolver: { ...NODE_RESOLVER, nameservers: [] }, hosts: nodeHosts(index), label: 'the learner machine' };
  }
  if ('node' in from) {
    const ip = index.nodeIP(from.node);
    if (!ip) throw new Error(`network: node "${from.node}" has no InternalIP`);
    const hosts = nodeHosts(index);
    hosts.set('localhost', '127.0.0.1');
    return { kind: 'node', ip, nodeName: from.node, resolver: NODE_RESOLVER, hosts, label: `node ${from.node}` };
  }
  const pod = index.pod(from.namespace, from.pod);
  if (!pod) throw new Error(`network: pod ${from.namespace}/${from.pod} not found`);
  const nodeName = pod.spec?.nodeName;
  if (pod.spec?.hostNetwork) {
    const ip = (nodeName && index.nodeIP(nodeName)) || pod.status?.podIP;
    if (!ip) throw new Error(`network: pod ${from.namespace}/${from.pod} has no IP`);
    return { kind: 'node', ip, nodeName, pod, resolver: podResolverConfig(pod), hosts: nodeHosts(index), label: `pod ${from.namespace}/${from.pod} (hostNetwork)` };
  }
  // The sandbox has its IP before the kubelet reports it in status; a caller
  // racing that write still sends from the pod (only ipBlock matching needs the address).
  const ip = pod.status?.podIP ?? '';
  return { kind: 'pod', ip, nodeName, pod, resolver: podResolverConfig(pod), hosts: podHostEntries(pod), label: `pod ${from.namespace}/${from.pod}` };
}

/** The learner's machine sits on the node network (x.y.z.1 of the control plane's /24). */
export function outsideIP(index: NetworkIndex): string {
  const first = index.nodeNames()[0];
  const ip = first ? index.nodeIP(first) : undefined;
  return ip ? ip.replace(/\.\d+$/, '.1') : DEFAULT_OUTSIDE_IP;
}

function nodeHosts(index: NetworkIndex): Map<string, string> {
  const m = new Map<string, string>();
  for (const n of index.nodeNames()) m.set(n.toLowerCase(), index.nodeIP(n)!);
  return m;
}
