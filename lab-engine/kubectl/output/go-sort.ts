/**
 * Go's `sort.Sort` (pattern-defeating quicksort, src/sort/zsortinterface.go,
 * Go ≥ 1.19 — kubectl v1.32.4 is built with Go 1.23), step for step. kubectl
 * sorts with it (`--sort-by`: kubectl/pkg/cmd/get/sorter.go; `top --sort-by`:
 * kubectl/pkg/metricsutil/metrics_sorter.go), and both comparators leave ties
 * (equal CPU, missing fields: `Less` is true both ways) to the algorithm, so
 * reproducing kubectl's order byte for byte needs the same algorithm, not a
 * stable JavaScript sort. Deterministic: breakPatterns' xorshift is seeded with
 * the length.
 */
export interface GoSortInterface {
  len: number;
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

/** Sorts a copy of `items` as Go's sort.Sort would sort a slice with this Less. */
export function goSortSlice<T>(items: readonly T[], less: (a: T, b: T) => boolean): T[] {
  const out = [...items];
  goSort({
    len: out.length,
    less: (i, j) => less(out[i], out[j]),
    swap: (i, j) => {
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    },
  });
  return out;
}

/** sort.Sort. */
export function goSort(data: GoSortInterface): void {
  const n = data.len;
  if (n <= 1) return;
  pdqsort(data, 0, n, bitsLen(n));
}

const bitsLen = (x: number) => (x <= 0 ? 0 : Math.floor(Math.log2(x)) + 1);

type Hint = 'unknown' | 'increasing' | 'decreasing';

function insertionSort(d: GoSortInterface, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
}

function siftDown(d: GoSortInterface, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++;
    if (!d.less(first + root, first + child)) return;
    d.swap(first + root, first + child);
    root = child;
  }
}

function heapSort(d: GoSortInterface, a: number, b: number): void {
  const first = a;
  const hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    d.swap(first, first + i);
    siftDown(d, 0, i, first);
  }
}

function pdqsort(d: GoSortInterface, a: number, b: number, limit: number): void {
  const maxInsertion = 12;
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= maxInsertion) {
      insertionSort(d, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(d, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(d, a, b);
    if (hint === 'decreasing') {
      reverseRange(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = 'increasing';
    }
    if (wasBalanced && wasPartitioned && hint === 'increasing' && partialInsertionSort(d, a, b)) return;
    if (a > 0 && !d.less(a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(d, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.trunc(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

function partition(d: GoSortInterface, a: number, b: number, pivot: number): [number, boolean] {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && d.less(i, a)) i++;
  while (i <= j && !d.less(j, a)) j--;
  if (i > j) {
    d.swap(j, a);
    return [j, true];
  }
  d.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && d.less(i, a)) i++;
    while (i <= j && !d.less(j, a)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  d.swap(j, a);
  return [j, false];
}

function partitionEqual(d: GoSortInterface, a: number, b: number, pivot: number): number {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !d.less(a, i)) i++;
    while (i <= j && d.less(a, j)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  return i;
}

function partialInsertionSort(d: GoSortInterface, a: number, b: number): boolean {
  const maxSteps = 5;
  const shortestShifting = 50;
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !d.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    d.swap(i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
  }
  return false;
}

const MASK64 = (BigInt(1) << BigInt(64)) - BigInt(1);

function breakPatterns(d: GoSortInterface, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  let random = BigInt(length); // xorshift seeded with the length
  const modulus = BigInt(2 ** bitsLen(length));
  const idx = a + Math.trunc(length / 4) * 2 - 1;
  for (let i = 0; i < 3; i++) {
    // xorshift.Next with the (13, 17, 5) shifts of the Go release kubectl v1.32.4 was built
    // with (later Go uses 13, 7, 17): recorded, see go-sort.test.ts
    random ^= (random << BigInt(13)) & MASK64;
    random ^= random >> BigInt(17);
    random ^= (random << BigInt(5)) & MASK64;
    let other = Number(random & (modulus - BigInt(1)));
    if (other >= length) other -= length;
    d.swap(idx + i, a + other); // idx runs over a+(length/4)*2-1 … +1
  }
}

function choosePivot(d: GoSortInterface, a: number, b: number): [number, Hint] {
  const shortestNinther = 50;
  const maxSwaps = 4 * 3;
  const l = b - a;
  const swaps = { n: 0 };
  let i = a + Math.trunc(l / 4) * 1;
  let j = a + Math.trunc(l / 4) * 2;
  let k = a + Math.trunc(l / 4) * 3;
  if (l >= 8) {
    if (l >= shortestNinther) {
      i = median(d, i - 1, i, i + 1, swaps);
      j = median(d, j - 1, j, j + 1, swaps);
      k = median(d, k - 1, k, k + 1, swaps);
    }
    j = median(d, i, j, k, swaps);
  }
  if (swaps.n === 0) return [j, 'increasing'];
  if (swaps.n === maxSwaps) return [j, 'decreasing'];
  return [j, 'unknown'];
}

function order2(d: GoSortInterface, a: number, b: number, swaps: { n: number }): [number, number] {
  if (d.less(b, a)) {
    swaps.n++;
    return [b, a];
  }
  return [a, b];
}

function median(d: GoSortInterface, a: number, b: number, c: number, swaps: { n: number }): number {
  [a, b] = order2(d, a, b, swaps);
  [b, c] = order2(d, b, c, swaps);
  [a, b] = order2(d, a, b, swaps);
  void c;
  return b;
}

function reverseRange(d: GoSortInterface, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) d.swap(i, j);
}
