import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../types';
import { jsonEqual } from '../clone';
import { formatQuantity, parseQuantity } from '../quantity';
import { resourceKey } from '../store';
import { isBinaryResource, podCounts, usageOf } from './quota-usage';
import { quotaMatchesScopes } from './quota-scopes';

/**
 * The resource quota controller (pkg/controller/resourcequota): keeps
 * status.hard = spec.hard and recomputes status.used from the namespace's
 * objects whenever a quota or a counted object changes.
 */
export function installResourceQuotaController(ctx: ClusterContext): void {
  const queue = ctx.runtime.register({ name: 'resourcequota-controller', reconcile: (ns) => syncNamespace(ctx, ns) });
  ctx.store.watch((ev) => {
    const ns = ev.object.metadata.namespace;
    if (ns && ctx.store.peekList('resourcequotas', ns).length > 0) queue.add(ns);
  });
}

function syncNamespace(ctx: ClusterContext, ns: string): void {
  for (const q of ctx.store.peekList('resourcequotas', ns)) {
    const hard: Record<string, string> = q.spec?.hard ?? {};
    const totals = new Map<string, number>();
    for (const def of ctx.registry.all()) {
      if (!def.namespaced) continue;
      for (const obj of ctx.store.peekList(resourceKey(def), ns)) {
        if (def.group === '' && def.resource === 'pods' && !podCounts(obj)) continue;
        if (!quotaMatchesScopes(q, def, obj)) continue;
        const u = usageOf(def, obj);
        for (const r of Object.keys(hard)) if (u[r] !== undefined) totals.set(r, (totals.get(r) ?? 0) + u[r]);
      }
    }
    const used: Record<string, string> = {};
    for (const r of Object.keys(hard).sort()) {
      const format = parseQuantity(hard[r])?.format ?? (isBinaryResource(r) ? 'BinarySI' : 'DecimalSI');
      used[r] = formatQuantity({ value: totals.get(r) ?? 0, format });
    }
    const status = { hard: { ...hard }, used };
    if (jsonEqual(q.status, status)) continue;
    const next: KubeObject = { ...q, status };
    ctx.store.update(next, { subresource: 'status', user: { username: 'system:serviceaccount:kube-system:resourcequota-controller', groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'] } });
  }
}
