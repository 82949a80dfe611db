import type { AdmissionPlugin, Store } from '../store';
import type { KindDef } from '../registry';
import type { Json, KubeObject } from '../types';
import { forbidden } from '../errors';
import { formatQuantity, parseQuantity } from '../quantity';
import { isBinaryResource, usageOf } from './quota-usage';
import { quotaMatchesScopes } from './quota-scopes';

const RQ_USER = { username: 'system:apiserver', groups: ['system:masters'] };

/**
 * ResourceQuota admission (plugin/pkg/admission/resourcequota, quota
 * evaluator CheckRequest/Constraints): a create that would push a quota's
 * used over hard is refused with `exceeded quota: …`; pods must state the
 * cpu/memory requests and limits a quota constrains (`failed quota: …`).
 * Admitted usage is charged to status.used at once, as the plugin does; the
 * quota controller (resource-quota-controller.ts) recomputes it on changes.
 */
export const resourceQuotaAdmission: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(op, def, obj, _old, ctx) {
    if (op !== 'CREATE' || !def.namespaced || (def.group === '' && def.resource === 'resourcequotas')) return;
    const quotas = ctx.store.peekList('resourcequotas', obj.metadata.namespace);
    if (quotas.length === 0) return;
    const delta = usageOf(def, obj);
    const name = obj.metadata.name || '';
    const updates: KubeObject[] = [];
    for (const q of quotas) {
      if (!quotaMatchesScopes(q, def, obj)) continue;
      const hard: Record<string, string> = q.spec?.hard ?? {};
      if (def.group === '' && def.resource === 'pods') {
        const missing = missingConstraints(obj, Object.keys(hard));
        if (missing) throw forbidden(def, name, `failed quota: ${q.metadata.name}: must specify ${missing}`);
      }
      const used: Record<string, string> = q.status?.used ?? {};
      const exceeded: string[] = [];
      const next: Record<string, string> = { ...used };
      for (const r of Object.keys(hard).sort()) {
        if (delta[r] === undefined) continue;
        const total = (parseQuantity(used[r] ?? '0')?.value ?? 0) + delta[r];
        if (total > (parseQuantity(hard[r])?.value ?? 0) + 1e-9) exceeded.push(r);
        next[r] = fmt(r, total, hard[r]);
      }
      if (exceeded.length) {
        const show = (m: (r: string) => string) => exceeded.map((r) => `${r}=${m(r)}`).join(',');
        throw forbidden(def, name, `exceeded quota: ${q.metadata.name}, requested: ${show((r) => fmt(r, delta[r], hard[r]))}, used: ${show((r) => used[r] ?? '0')}, limited: ${show((r) => hard[r])}`);
      }
      if (Object.keys(hard).some((r) => delta[r] !== undefined)) updates.push({ ...q, status: { ...(q.status ?? {}), hard: { ...hard }, used: next } });
    }
    if (!ctx.dryRun) for (const u of updates) ctx.store.update(u, { subresource: 'status', user: RQ_USER });
  },
};

function fmt(resource: string, value: number, like: string | undefined): string {
  const format = parseQuantity(like ?? '0')?.format ?? (isBinaryResource(resource) ? 'BinarySI' : 'DecimalSI');
  return formatQuantity({ value, format });
}

const VALIDATION_SET = ['cpu', 'limits.cpu', 'limits.memory', 'memory', 'requests.cpu', 'requests.memory'];

/** podEvaluator.Constraints: each container must set what the quota limits (sorted, `; `-joined). */
function missingConstraints(pod: KubeObject, hard: string[]): string | undefined {
  const required = VALIDATION_SET.filter((r) => hard.includes(r));
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])] as Json[]) {
    for (const r of required) {
      const [kind, res] = r.includes('.') ? (r.split('.') as ['requests' | 'limits', string]) : ['requests', r];
      if (c.resources?.[kind]?.[res] === undefined) {
        if (!missing.has(r)) missing.set(r, new Set());
        missing.get(r)!.add(c.name);
      }
    }
  }
  if (missing.size === 0) return undefined;
  return [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`).join('; ');
}

export function quotaDefFor(store: Store): KindDef {
  return store.registry.forResource('resourcequotas', '')!;
}
