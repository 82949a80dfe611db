/**
 * Just enough resource.Quantity for describe/top: parse to a number of base
 * units (cores for cpu, bytes otherwise) and print canonically (String()).
 */
const BIN: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DEC: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export interface Quantity {
  value: number;
  binary: boolean;
}

export function parseQuantity(s: string | number | undefined | null): Quantity {
  if (s === undefined || s === null || s === '') return { value: 0, binary: false };
  if (typeof s === 'number') return { value: s, binary: false };
  const m = /^([+-]?[0-9.]+)([eE][+-]?\d+)?([a-zA-Z]*)$/.exec(s.trim());
  if (!m) return { value: 0, binary: false };
  let v = Number(m[1] + (m[2] ?? ''));
  const suffix = m[3];
  if (suffix in BIN) return { value: v * BIN[suffix], binary: true };
  if (suffix in DEC) v *= DEC[suffix];
  return { value: v, binary: false };
}

export function sumQuantities(list: Quantity[]): Quantity {
  return { value: list.reduce((a, q) => a + q.value, 0), binary: list.length > 0 && list[0].binary };
}

/** Canonical String() of a quantity. */
export function formatQuantity(q: Quantity): string {
  const v = q.value;
  if (v === 0) return '0';
  if (q.binary && Number.isInteger(v)) {
    for (const suf of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) if (v % BIN[suf] === 0 && Math.abs(v) >= BIN[suf]) return `${v / BIN[suf]}${suf}`;
    return String(v);
  }
  const milli = Math.round(v * 1000);
  if (Math.abs(milli - v * 1000) < 1e-6 && milli % 1000 !== 0) return `${milli}m`;
  if (Number.isInteger(v)) {
    for (const suf of ['E', 'P', 'T', 'G', 'M', 'k']) if (v % DEC[suf] === 0 && Math.abs(v) >= DEC[suf]) return `${v / DEC[suf]}${suf}`;
    return String(v);
  }
  return String(v);
}

export function milliValue(q: Quantity): number {
  return Math.ceil(q.value * 1000 - 1e-9);
}
