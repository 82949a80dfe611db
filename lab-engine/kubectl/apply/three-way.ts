import { listStrategy } from '../../api/patch/patch-meta';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The object client-side apply produces (apply.Patcher: a three-way strategic
 * merge patch from the last-applied `original`, the file's `modified` and the
 * live `current`, applied to `current`): fields in `modified` win; fields the
 * last apply set but the file no longer has are removed; everything else in
 * `current` (defaults, controllers' fields) is kept. Lists with a patch merge
 * key merge element by element; other lists are replaced.
 */
export function threeWayMerge(original: unknown, modified: unknown, current: unknown, path: string[] = []): unknown {
  if (isObj(modified)) {
    const cur = isObj(current) ? current : {};
    const orig = isObj(original) ? original : {};
    const out: Obj = {};
    for (const [k, v] of Object.entries(cur)) {
      if (k in modified) continue;
      if (k in orig && !(k in modified)) continue; // removed from the configuration
      out[k] = v;
    }
    for (const [k, v] of Object.entries(modified)) {
      if (v === null) continue;
      out[k] = threeWayMerge(orig[k], v, cur[k], [...path, k]);
    }
    return reorder(out, cur, modified);
  }
  if (Array.isArray(modified)) {
    const strategy = listStrategy(path);
    if (strategy?.key && Array.isArray(current)) return mergeList(original, modified, current, strategy.key, path);
    if (strategy && !strategy.key && Array.isArray(current)) {
      const removed = new Set(Array.isArray(original) ? original.filter((o) => !modified.some((m) => same(m, o))).map((o) => JSON.stringify(o)) : []);
      const keep = current.filter((c) => !removed.has(JSON.stringify(c)) && !modified.some((m) => same(m, c)));
      return [...modified, ...keep];
    }
    return modified;
  }
  return modified;
}

function mergeList(original: unknown, modified: unknown[], current: unknown[], key: string, path: string[]): unknown[] {
  const keyOf = (v: unknown) => (isObj(v) ? JSON.stringify(v[key]) : JSON.stringify(v));
  const orig = Array.isArray(original) ? original : [];
  const origKeys = new Set(orig.map(keyOf));
  const modKeys = new Set(modified.map(keyOf));
  const out: unknown[] = modified.map((m) => {
    const c = current.find((x) => keyOf(x) === keyOf(m));
    const o = orig.find((x) => keyOf(x) === keyOf(m));
    return threeWayMerge(o, m, c, path);
  });
  for (const c of current) if (!modKeys.has(keyOf(c)) && !origKeys.has(keyOf(c))) out.push(c);
  return out;
}

/** Keeps the live object's key order for keys it had, new keys after (the server re-serialises anyway). */
function reorder(out: Obj, current: Obj, modified: Obj): Obj {
  const res: Obj = {};
  for (const k of Object.keys(current)) if (k in out) res[k] = out[k];
  for (const k of Object.keys(modified)) if (k in out && !(k in res)) res[k] = out[k];
  for (const k of Object.keys(out)) if (!(k in res)) res[k] = out[k];
  return res;
}

export { same as jsonSame };
