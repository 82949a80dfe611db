import type { ClusterContext } from '../../sim/context';
import type { Json, KubeObject } from '../../api/types';
import type { NetworkIndex } from '../model/network-index';
import { jsonEqual } from '../../api/clone';
import { isPodReady } from '../common/pods';
import { INGRESS_NAMESPACE, isIngressControllerPod, isNginxIngress } from './router';

const SOURCE = { component: 'nginx-ingress-controller' };

/**
 * The control-loop half of ingress-nginx: a `Sync` event ("Scheduled for
 * sync") for every added or changed Ingress of the class while a controller
 * pod is ready, and status.loadBalancer.ingress set to the addresses the
 * controller publishes — without --publish-service (the bare-metal
 * manifest), the IPs of the nodes its ready pods run on
 * (internal/ingress/status/status.go: nodes' ExternalIP, else InternalIP).
 */
export function startIngressController(ctx: ClusterContext, index: NetworkIndex) {
  const queue = ctx.runtime.register({
    name: 'ingress-nginx-controller',
    reconcile(key) {
      const i = key.indexOf('/');
      syncIngressStatus(ctx, index, key.slice(0, i), key.slice(i + 1));
    },
  });
  const all = () => {
    for (const ing of ctx.store.peekList('ingresses.networking.k8s.io')) queue.add(`${ing.metadata.namespace}/${ing.metadata.name}`);
  };
  ctx.store.watch(
    (ev) => {
      const ing = ev.object;
      queue.add(`${ing.metadata.namespace}/${ing.metadata.name}`);
      const changed = ev.type === 'ADDED' || (ev.type === 'MODIFIED' && ev.old?.metadata.generation !== ing.metadata.generation);
      if (changed && isNginxIngress(ctx.store, ing) && readyControllers(ctx).length) {
        ctx.events.record(ing, 'Normal', 'Sync', 'Scheduled for sync', SOURCE);
      }
    },
    { resource: 'ingresses.networking.k8s.io' },
  );
  ctx.store.watch((ev) => (isIngressControllerPod(ev.object) ? all() : undefined), { resource: 'pods', namespace: INGRESS_NAMESPACE });
  ctx.store.watch(() => all(), { resource: 'ingressclasses.networking.k8s.io' });
  return queue;
}

function readyControllers(ctx: ClusterContext): KubeObject[] {
  return ctx.store.peekList('pods', INGRESS_NAMESPACE).filter((p) => isIngressControllerPod(p) && isPodReady(p) && !p.metadata.deletionTimestamp);
}

/** The addresses ingress-nginx publishes: one per node running a ready controller pod, sorted. */
export function publishedAddresses(ctx: ClusterContext, index: NetworkIndex): Json[] {
  const ips = new Set<string>();
  for (const pod of readyControllers(ctx)) {
    const node = pod.spec?.nodeName ? ctx.store.peek('nodes', '', pod.spec.nodeName) : undefined;
    const ext = (node?.status?.addresses ?? []).find((a: Json) => a.type === 'ExternalIP')?.address;
    const ip = ext ?? (pod.spec?.nodeName ? index.nodeIP(pod.spec.nodeName) : undefined);
    if (ip) ips.add(ip);
  }
  return [...ips].sort().map((ip) => ({ ip }));
}

function syncIngressStatus(ctx: ClusterContext, index: NetworkIndex, ns: string, name: string): void {
  const ing = ctx.store.peek('ingresses.networking.k8s.io', ns, name);
  if (!ing || ing.metadata.deletionTimestamp) return;
  const want = isNginxIngress(ctx.store, ing) ? publishedAddresses(ctx, index) : [];
  const current: Json[] = ing.status?.loadBalancer?.ingress ?? [];
  // ingress-nginx keeps the last published address while no controller is ready (it is the one that would clear it).
  if (want.length === 0 && isNginxIngress(ctx.store, ing)) return;
  if (jsonEqual(current, want)) return;
  ctx.store.update({ ...ing, status: { loadBalancer: want.length ? { ingress: want } : {} } }, { subresource: 'status' });
}
