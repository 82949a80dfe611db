import type { ClusterContext } from '../../sim/context';
import type { Json, KubeObject } from '../../api/types';
import type { NetworkIndex } from '../model/network-index';
import { formatIPv4, parseIPv4 } from '../ip';

const SOURCE_CONTROLLER = { component: 'metallb-controller' };
const SOURCE_SPEAKER = { component: 'metallb-speaker' };
const IPS_ANNOTATIONS = ['metallb.io/loadBalancerIPs', 'metallb.universe.tf/loadBalancerIPs'];
export const DEFAULT_LB_POOL = { first: '192.168.49.200', last: '192.168.49.250' };

/**
 * A MetalLB-like load-balancer implementation (controller + layer2 speaker):
 * every Service of type LoadBalancer without a loadBalancerClass gets the
 * lowest free address of the pool (or the one it asks for with
 * spec.loadBalancerIP / the metallb.io/loadBalancerIPs annotation) in
 * status.loadBalancer.ingress (ipMode VIP), with MetalLB's events
 * `IPAllocated` and `nodeAssigned`; `AllocationFailed` when the pool is dry.
 * A Service that stops being a LoadBalancer has its status cleared.
 */
export function startLoadBalancerController(ctx: ClusterContext, index: NetworkIndex, pool: () => { first: string; last: string }) {
  const queue = ctx.runtime.register({
    name: 'metallb-controller',
    reconcile(key) {
      const i = key.indexOf('/');
      reconcileLoadBalancer(ctx, index, pool(), key.slice(0, i), key.slice(i + 1));
    },
  });
  ctx.store.watch((ev) => queue.add(`${ev.object.metadata.namespace}/${ev.object.metadata.name}`), { resource: 'services' });
  return queue;
}

export function reconcileLoadBalancer(ctx: ClusterContext, index: NetworkIndex, pool: { first: string; last: string }, ns: string, name: string): void {
  const svc = ctx.store.peek('services', ns, name);
  if (!svc) return;
  const current: Json[] = svc.status?.loadBalancer?.ingress ?? [];
  const wants = svc.spec?.type === 'LoadBalancer' && !svc.spec?.loadBalancerClass;
  if (!wants) {
    if (current.length) writeStatus(ctx, svc, []);
    return;
  }
  if (current.some((i) => i.ip)) return;
  const ip = allocate(ctx, svc, pool);
  if (!ip) {
    ctx.events.record(svc, 'Warning', 'AllocationFailed', `Failed to allocate IP for "${ns}/${name}": no available IPs`, SOURCE_CONTROLLER);
    return;
  }
  const updated = writeStatus(ctx, svc, [{ ip, ipMode: 'VIP' }]);
  ctx.events.record(updated, 'Normal', 'IPAllocated', `Assigned IP ["${ip}"]`, SOURCE_CONTROLLER);
  const node = announcingNode(ctx, index);
  if (node) ctx.events.record(updated, 'Normal', 'nodeAssigned', `announcing from node "${node}" with protocol "layer2"`, SOURCE_SPEAKER);
}

function allocate(ctx: ClusterContext, svc: KubeObject, pool: { first: string; last: string }): string | undefined {
  const first = parseIPv4(pool.first)!;
  const last = parseIPv4(pool.last)!;
  const used = new Set<string>();
  for (const s of ctx.store.peekList('services')) for (const i of s.status?.loadBalancer?.ingress ?? []) if (i.ip) used.add(i.ip);
  const requested = requestedIP(svc);
  if (requested) {
    const n = parseIPv4(requested);
    return n !== undefined && n >= first && n <= last && !used.has(requested) ? requested : undefined;
  }
  for (let n = first; n <= last; n++) if (!used.has(formatIPv4(n))) return formatIPv4(n);
  return undefined;
}

function requestedIP(svc: KubeObject): string | undefined {
  for (const a of IPS_ANNOTATIONS) {
    const v = svc.metadata.annotations?.[a];
    if (v) return v.split(',')[0].trim();
  }
  return svc.spec?.loadBalancerIP || undefined;
}

function writeStatus(ctx: ClusterContext, svc: KubeObject, ingress: Json[]): KubeObject {
  const next: KubeObject = { ...svc, status: { ...(svc.status ?? {}), loadBalancer: ingress.length ? { ingress } : {} } };
  return ctx.store.update(next, { subresource: 'status' }).object;
}

/** Speakers skip nodes labelled node.kubernetes.io/exclude-from-external-load-balancers (kubeadm's control plane). */
function announcingNode(ctx: ClusterContext, index: NetworkIndex): string | undefined {
  const nodes = ctx.store.peekList('nodes').filter((n) => index.nodeIP(n.metadata.name!));
  const eligible = nodes.filter((n) => n.metadata.labels?.['node.kubernetes.io/exclude-from-external-load-balancers'] === undefined);
  return (eligible[0] ?? nodes[0])?.metadata.name;
}

/** The pool: .200–.250 of the first node's /24 (the node network), like a kind + MetalLB setup. */
export function poolFor(index: NetworkIndex): { first: string; last: string } {
  const first = index.nodeNames()[0];
  const ip = first ? index.nodeIP(first) : undefined;
  if (!ip) return DEFAULT_LB_POOL;
  const prefix = ip.replace(/\.\d+$/, '');
  return { first: `${prefix}.200`, last: `${prefix}.250` };
}
