import type { AdmissionPlugin } from '../store';
import type { Json, KubeObject } from '../types';
import { forbidden } from '../errors';
import { formatQuantity, parseQuantity } from '../quantity';

/**
 * LimitRanger (plugin/pkg/admission/limitranger/admission.go): pods created
 * in a namespace with LimitRanges get the Container defaults (and the
 * `kubernetes.io/limit-ranger` annotation), then min/max/ratio are enforced
 * per Container and per Pod with the plugin's messages.
 */
export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  admit(op, def, obj, _old, ctx) {
    if (op !== 'CREATE' || def.group !== '' || def.resource !== 'pods') return;
    const notes: string[] = [];
    for (const lr of ctx.store.peekList('limitranges', obj.metadata.namespace)) {
      for (const item of (lr.spec?.limits ?? []) as Json[]) {
        if (item?.type !== 'Container') continue;
        for (const c of (obj.spec?.initContainers ?? []) as Json[]) mergeDefaults(c, item, 'init container', notes);
        for (const c of (obj.spec?.containers ?? []) as Json[]) mergeDefaults(c, item, 'container', notes);
      }
    }
    if (notes.length) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${notes.join('; ')}` };
  },
  validate(op, def, obj, _old, ctx) {
    if (op !== 'CREATE' || def.group !== '' || def.resource !== 'pods') return;
    const errs: string[] = [];
    for (const lr of ctx.store.peekList('limitranges', obj.metadata.namespace)) {
      for (const item of (lr.spec?.limits ?? []) as Json[]) {
        if (item?.type === 'Container') for (const c of [...(obj.spec?.initContainers ?? []), ...(obj.spec?.containers ?? [])] as Json[]) errs.push(...checkItem(item, c.resources ?? {}, 'Container'));
        if (item?.type === 'Pod') errs.push(...checkItem(item, podTotals(obj), 'Pod'));
      }
    }
    if (errs.length) throw forbidden(def, obj.metadata.name || '', errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  },
};

function mergeDefaults(c: Json, item: Json, prefix: string, notes: string[]): void {
  c.resources ??= {};
  const setRequests: string[] = [];
  const setLimits: string[] = [];
  for (const [k, v] of Object.entries((item.default ?? {}) as Record<string, string>)) {
    c.resources.limits ??= {};
    if (c.resources.limits[k] === undefined) {
      c.resources.limits[k] = v;
      setLimits.push(k);
    }
  }
  for (const [k, v] of Object.entries((item.defaultRequest ?? {}) as Record<string, string>)) {
    c.resources.requests ??= {};
    if (c.resources.requests[k] === undefined) {
      c.resources.requests[k] = v;
      setRequests.push(k);
    }
  }
  if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${c.name}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${c.name}`);
}

function podTotals(pod: KubeObject): Json {
  const out: { requests: Record<string, number>; limits: Record<string, number> } = { requests: {}, limits: {} };
  for (const c of (pod.spec?.containers ?? []) as Json[]) {
    for (const kind of ['requests', 'limits'] as const) {
      for (const [k, v] of Object.entries((c.resources?.[kind] ?? {}) as Record<string, string>)) out[kind][k] = (out[kind][k] ?? 0) + (parseQuantity(v)?.value ?? 0);
    }
  }
  return out;
}

const fmt = (v: unknown): string => {
  if (typeof v === 'number') return formatQuantity({ value: v, format: 'DecimalSI' });
  return String(v);
};
const val = (v: unknown): number => (typeof v === 'number' ? v : (parseQuantity(v)?.value ?? 0));

/** minConstraint / maxConstraint / limitRequestRatioConstraint. */
function checkItem(item: Json, res: Json, type: string): string[] {
  const errs: string[] = [];
  for (const k of Object.keys(item.min ?? {}).sort()) {
    const req = res.requests?.[k];
    if (req === undefined) errs.push(`minimum ${k} usage per ${type} is ${item.min[k]}.  No request is specified`);
    else if (val(req) < val(item.min[k])) errs.push(`minimum ${k} usage per ${type} is ${item.min[k]}, but request is ${fmt(req)}`);
  }
  for (const k of Object.keys(item.max ?? {}).sort()) {
    const lim = res.limits?.[k];
    if (lim === undefined) errs.push(`maximum ${k} usage per ${type} is ${item.max[k]}.  No limit is specified`);
    else if (val(lim) > val(item.max[k])) errs.push(`maximum ${k} usage per ${type} is ${item.max[k]}, but limit is ${fmt(lim)}`);
  }
  for (const k of Object.keys(item.maxLimitRequestRatio ?? {}).sort()) {
    const lim = res.limits?.[k];
    const req = res.requests?.[k];
    if (lim === undefined || req === undefined || val(req) === 0) continue;
    const ratio = val(lim) / val(req);
    if (ratio > val(item.maxLimitRequestRatio[k])) {
      errs.push(`${k} max limit to request ratio per ${type} is ${item.maxLimitRequestRatio[k]}, but provided ratio is ${ratio.toFixed(6)}`);
    }
  }
  return errs;
}
