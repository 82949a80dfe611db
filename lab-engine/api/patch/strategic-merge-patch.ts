import { cloneJson, jsonEqual } from '../clone';
import { badRequest } from '../errors';
import { listStrategy } from './patch-meta';

type Obj = Record<string, unknown>;

/**
 * Strategic merge patch (apimachinery/pkg/util/strategicpatch/patch.go,
 * StrategicMergePatch): maps merge, `null` deletes, lists follow the field's
 * patchStrategy (merge by patchMergeKey, or replaced), with the directives
 * `$patch: replace|delete|merge`, `$retainKeys`, `$deleteFromPrimitiveList/<f>`
 * and `$setElementOrder/<f>` (ordering applied to the merged list).
 */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) throw badRequest('unable to find api field in struct Unstructured for the json field "$patch"');
  return mergeMap(isObj(target) ? target : {}, patch, []);
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function mergeMap(original: Obj, patch: Obj, path: string[]): Obj | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const { $patch: _d, ...rest } = patch;
    return stripDirectives(cloneJson(rest)) as Obj;
  }
  if (directive !== undefined && directive !== 'merge') throw badRequest(`Unsupported strategic merge patch format: ${JSON.stringify(patch)}`);
  const out: Obj = cloneJson(original);
  const orders: [string, unknown[]][] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys') continue;
    if (k.startsWith('$setElementOrder/')) {
      if (Array.isArray(v)) orders.push([k.slice('$setElementOrder/'.length), v]);
      continue;
    }
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const f = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[f]) && Array.isArray(v)) out[f] = (out[f] as unknown[]).filter((x) => !v.some((d) => jsonEqual(d, x)));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    const merged = mergeValue(out[k], v, [...path, k]);
    if (merged === undefined) delete out[k];
    else out[k] = merged;
  }
  for (const [f, order] of orders) if (Array.isArray(out[f])) out[f] = applyOrder(out[f] as unknown[], order, listStrategy([...path, f])?.key);
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[]);
    for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k];
  }
  return out;
}

function mergeValue(original: unknown, patch: unknown, path: string[]): unknown {
  if (isObj(patch)) return mergeMap(isObj(original) ? original : {}, patch, path);
  if (Array.isArray(patch)) return mergeList(Array.isArray(original) ? original : [], patch, path);
  return cloneJson(patch);
}

function mergeList(original: unknown[], patch: unknown[], path: string[]): unknown[] {
  const strat = listStrategy(path);
  if (patch.some((p) => isObj(p) && p.$patch === 'replace')) {
    return stripDirectives(patch.filter((p) => !(isObj(p) && p.$patch === 'replace'))) as unknown[];
  }
  if (!strat) return stripDirectives(cloneJson(patch)) as unknown[];
  if (!strat.key) {
    // A set of primitives: union, keeping the original order.
    const out = [...original];
    for (const p of patch) if (!out.some((x) => jsonEqual(x, p))) out.push(cloneJson(p));
    return out;
  }
  const key = strat.key;
  const out: unknown[] = cloneJson(original);
  for (const p of patch) {
    if (!isObj(p)) throw badRequest(`unable to find api field in struct ${path[path.length - 1]} for the json field "${String(p)}"`);
    if (p[key] === undefined && p.$patch !== 'delete') throw badRequest(`map: ${JSON.stringify(p)} does not contain declared merge key: ${key}`);
    const i = out.findIndex((x) => isObj(x) && jsonEqual(x[key], p[key]));
    if (p.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = mergeMap(out[i] as Obj, p, path);
    else out.push(stripDirectives(cloneJson(p)));
  }
  return out;
}

function applyOrder(list: unknown[], order: unknown[], key: string | undefined): unknown[] {
  const id = (x: unknown): unknown => (key && isObj(x) ? x[key] : x);
  const ordered: unknown[] = [];
  for (const o of order) {
    const want = key && isObj(o) ? o[key] : o;
    const hit = list.find((x) => jsonEqual(id(x), want));
    if (hit !== undefined && !ordered.includes(hit)) ordered.push(hit);
  }
  return [...ordered, ...list.filter((x) => !ordered.includes(x))];
}

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    if (x === null) continue;
    out[k] = stripDirectives(x);
  }
  return out;
}
