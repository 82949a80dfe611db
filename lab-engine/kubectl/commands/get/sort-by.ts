/** `--sort-by` (kubectl/pkg/cmd/get/sorter.go RuntimeSort): jsonpath value per object, natural string order. */
import type { KubeObject } from '../../../api/types';
import { KubectlError } from '../../types';
import { findValues, parseJsonPath, relaxedJsonPath } from '../../output';

export function sortObjects<T>(items: T[], objectOf: (t: T) => KubeObject, sortBy: string): T[] {
  if (!sortBy || items.length === 0) return items;
  const expr = relaxedJsonPath(sortBy);
  const parsed = parseJsonPath(expr);
  const keys = items.map((it) => {
    const v = findValues(parsed, objectOf(it), true);
    return v.length > 0 && v[0].length > 0 ? v[0][0] : undefined;
  });
  if (keys.every((k) => k === undefined)) throw new KubectlError(`couldn't find any field with path "${expr}" in the list of objects`);
  const idx = items.map((_, i) => i);
  idx.sort((a, b) => compare(keys[a], keys[b]));
  return idx.map((i) => items[i]);
}

function compare(a: unknown, b: unknown): number {
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'string') return naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;
  const sa = JSON.stringify(a), sb = JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** github.com/fvbommel/sortorder NaturalLess. */
export function naturalLess(str1: string, str2: string): boolean {
  let idx1 = 0, idx2 = 0;
  while (idx1 < str1.length && idx2 < str2.length) {
    const c1 = str1[idx1], c2 = str2[idx2];
    const dig1 = isDigit(c1), dig2 = isDigit(c2);
    if (dig1 !== dig2) return dig1;
    if (!dig1) {
      if (c1 !== c2) return c1 < c2;
      idx1++; idx2++;
      continue;
    }
    let nz1 = idx1, nz2 = idx2;
    while (nz1 < str1.length && str1[nz1] === '0') nz1++;
    while (nz2 < str2.length && str2[nz2] === '0') nz2++;
    let e1 = nz1, e2 = nz2;
    while (e1 < str1.length && isDigit(str1[e1])) e1++;
    while (e2 < str2.length && isDigit(str2[e2])) e2++;
    const len1 = e1 - nz1, len2 = e2 - nz2;
    if (len1 !== len2) return len1 < len2;
    const n1 = str1.slice(nz1, e1), n2 = str2.slice(nz2, e2);
    if (n1 !== n2) return n1 < n2;
    if (nz1 - idx1 !== nz2 - idx2) return nz1 - idx1 < nz2 - idx2;
    idx1 = e1; idx2 = e2;
  }
  return str1.length - idx1 < str2.length - idx2;
}
