import { describe, expect, it } from 'vitest';
import { goSort, goSortSlice } from './go-sort';

/** A small deterministic generator for the property cases (no Math.random in the engine's tests). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('goSort (Go sort.Sort, pdqsort)', () => {
  it('sorts total orders like any correct sort, for every size and shape', () => {
    const rnd = lcg(7);
    for (const n of [0, 1, 2, 5, 12, 13, 49, 50, 51, 200, 1000]) {
      const shapes = [
        Array.from({ length: n }, () => Math.floor(rnd() * 1e6)),
        Array.from({ length: n }, (_, i) => i),
        Array.from({ length: n }, (_, i) => n - i),
        Array.from({ length: n }, (_, i) => (i % 2 ? i : n - i)),
      ];
      for (const xs of shapes) expect(goSortSlice(xs, (a, b) => a < b)).toEqual([...xs].sort((a, b) => a - b));
    }
  });

  it('leaves ties where Go does: insertion sort below 13 elements', () => {
    // Less is true both ways for "missing" keys (sorter.go); the input order is w, x, y, z
    const keys: Record<string, number | undefined> = { w: 10, x: 5, y: undefined, z: undefined };
    const less = (a: string, b: string) => (keys[a] === undefined ? true : keys[b] === undefined ? false : keys[a]! < keys[b]!);
    // recorded from kubectl v1.32.4: get pods --sort-by=.metadata.labels.n
    expect(goSortSlice(['w', 'x', 'y', 'z'], less)).toEqual(['z', 'y', 'x', 'w']);
  });

  it('breaks patterns like the real kubectl: 26 events, same-second ties (get events --sort-by=.lastTimestamp)', () => {
    // seconds of lastTimestamp in list order, and the order kubectl v1.32.4 printed (tests/kubectl-oracle, "output formats")
    const keys = ['02', '03', '05', '05', '05', '02', '02', '02', '03', '06', '06', '06', '02', '03', '06', '06', '06', '02', '03', '06', '06', '06', '02', '02', '02', '02'];
    const real = [12, 7, 25, 0, 24, 5, 6, 17, 22, 23, 8, 18, 13, 1, 2, 3, 4, 15, 16, 11, 19, 20, 21, 10, 9, 14];
    const out = goSortSlice(keys.map((k, i) => ({ k, i })), (a, b) => a.k < b.k);
    expect(out.map((x) => x.i)).toEqual(real);
  });

  it('is not stable: equal keys of a long slice are reordered by the partitioning', () => {
    const xs = Array.from({ length: 60 }, (_, i) => ({ k: i % 3, i }));
    const out = goSortSlice(xs, (a, b) => a.k < b.k);
    expect(out.map((x) => x.k)).toEqual([...xs].map((x) => x.k).sort());
    expect(out.filter((x) => x.k === 0).map((x) => x.i)).not.toEqual(xs.filter((x) => x.k === 0).map((x) => x.i));
  });

  it('drives any Interface (len/less/swap) in place', () => {
    const data = [3, 1, 2];
    goSort({ len: 3, less: (i, j) => data[i] < data[j], swap: (i, j) => ([data[i], data[j]] = [data[j], data[i]]) });
    expect(data).toEqual([1, 2, 3]);
  });
});
