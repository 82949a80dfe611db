/**
 * `--sort-by` (kubectl/pkg/cmd/get/sorter.go: TableSorter / RuntimeSort): the first
 * jsonpath result per object, compared by isLess and ordered by Go's sort.Sort.
 * Objects arrive unstructured, so values take isLess's reflect.Interface branch:
 * numbers numerically; strings as resource.Quantity when both parse as one, else
 * byte-wise (the installed kubectl v1.32.4 orders `a10` before `a9` and `A5` before
 * `a-1`: recorded in tests/kubectl-oracle). An object without the field is Less
 * than everything — both ways, so ties go where pdqsort puts them.
 */
import type { KubeObject } from '../../../api/types';
import { KubectlError } from '../../types';
import { findValues, parseJsonPath, relaxedJsonPath } from '../../output';
import { goSortSlice } from '../../output/go-sort';
import { parseQuantity } from '../../../api/quantity';

export function sortObjects<T>(items: T[], objectOf: (t: T) => KubeObject, sortBy: string): T[] {
  if (!sortBy || items.length === 0) return items;
  const expr = relaxedJsonPath(sortBy);
  const parsed = parseJsonPath(expr);
  const keyed = items.map((item) => {
    const v = findValues(parsed, objectOf(item), true);
    return { item, found: v.length > 0 && v[0].length > 0, key: v.length > 0 && v[0].length > 0 ? v[0][0] : undefined };
  });
  if (!keyed.some((k) => k.found)) throw new KubectlError(`couldn't find any field with path "${expr}" in the list of objects`);
  return goSortSlice(keyed, (a, b) => (!a.found ? true : !b.found ? false : isLess(a.key, b.key))).map((k) => k.item);
}

/** isLess for unstructured values (sorter.go, the reflect.Interface case). */
export function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = qa ? parseQuantity(b) : undefined;
    if (qa && qb) return qa.value < qb.value;
    return byteLess(a, b);
  }
  // maps, slices, bools: kubectl exits with "unsortable type"; keep the input order
  return false;
}

/** Go string comparison: byte-wise over UTF-8. */
function byteLess(a: string, b: string): boolean {
  if (a === b) return false;
  if (/^[\x00-\x7f]*$/.test(a) && /^[\x00-\x7f]*$/.test(b)) return a < b;
  const enc = new TextEncoder();
  const x = enc.encode(a);
  const y = enc.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i];
  return x.length < y.length;
}
