import type { ClusterContext } from '../../sim/context';
import type { Json, KubeObject } from '../../api/types';
import { jsonEqual } from '../../api/clone';
import { matchesLabelSelector } from '../../api/selectors/label-selector';

const CR = 'clusterroles.rbac.authorization.k8s.io';

/**
 * The ClusterRole aggregation controller (pkg/controller/clusterroleaggregation):
 * a ClusterRole with an aggregationRule gets the union of the rules of every
 * ClusterRole its selectors match (sorted by name, duplicates dropped).
 * Any ClusterRole change re-queues every aggregating role.
 */
export function installClusterRoleAggregation(ctx: ClusterContext): void {
  const queue = ctx.runtime.register({ name: 'clusterrole-aggregation-controller', reconcile: (name) => aggregate(ctx, name) });
  const enqueueAll = () => {
    for (const cr of ctx.store.peekList(CR)) if (cr.aggregationRule) queue.add(cr.metadata.name ?? '');
  };
  ctx.store.watch(enqueueAll, { resource: CR });
  enqueueAll();
}

function aggregate(ctx: ClusterContext, name: string): void {
  const role = ctx.store.peek(CR, '', name);
  const selectors: Json[] = role?.aggregationRule?.clusterRoleSelectors ?? [];
  if (!role || !Array.isArray(selectors)) return;
  const rules: Json[] = [];
  const sources = ctx.store.peekList(CR).filter((cr) => cr.metadata.name !== name);
  for (const sel of selectors) {
    for (const cr of sources) {
      if (!matchesLabelSelector(sel, cr.metadata.labels)) continue;
      for (const rule of (cr.rules ?? []) as Json[]) if (!rules.some((r) => jsonEqual(r, rule))) rules.push(rule);
    }
  }
  if (jsonEqual(role.rules ?? [], rules)) return;
  const next: KubeObject = { ...role, rules };
  ctx.store.update(next, { user: { username: 'system:serviceaccount:kube-system:clusterrole-aggregation-controller', groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'] } });
}
