import type { ClusterContext } from '../../sim/context';
import { resourceKey } from '../../api/store';

/**
 * The service-account controller (pkg/controller/serviceaccount/serviceaccounts_controller.go):
 * every active namespace has a `default` ServiceAccount; it is recreated when
 * deleted. Watch namespaces and service accounts → queue the namespace → ensure.
 */
export function installServiceAccountController(ctx: ClusterContext): void {
  const queue = ctx.runtime.register({ name: 'serviceaccount-controller', reconcile: (ns) => ensureDefault(ctx, ns) });
  ctx.store.watch((ev) => queue.add(ev.object.metadata.name ?? ''), { resource: 'namespaces' });
  ctx.store.watch((ev) => {
    if (ev.type === 'DELETED' && ev.object.metadata.name === 'default') queue.add(ev.object.metadata.namespace ?? '');
  }, { resource: 'serviceaccounts' });
  for (const ns of ctx.store.peekList('namespaces')) queue.add(ns.metadata.name ?? '');
}

function ensureDefault(ctx: ClusterContext, namespace: string): void {
  const ns = ctx.store.peek('namespaces', '', namespace);
  if (!ns || ns.status?.phase !== 'Active' || ns.metadata.deletionTimestamp) return;
  const def = ctx.registry.forResource('serviceaccounts', '')!;
  if (ctx.store.peek(resourceKey(def), namespace, 'default')) return;
  ctx.store.create(
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } },
    { user: { username: 'system:serviceaccount:kube-system:service-account-controller', groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'] } },
  );
}
