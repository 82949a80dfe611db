/**
 * resource.Quantity, enough of it for defaulting, LimitRanger, ResourceQuota
 * and QoS (apimachinery/pkg/api/resource/quantity.go). Values are kept as
 * numbers in base units; canonical printing follows Quantity.String():
 * the format of the parsed string (binary, decimal SI, decimal exponent) is kept,
 * and the largest suffix giving an integer mantissa is chosen.
 */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  value: number; // base units (cores, bytes, count)
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY_RE = /^([+-]?[0-9.]+)(([eE][+-]?[0-9]+)|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;

export const QUANTITY_MSG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export function parseQuantity(input: unknown): Quantity | undefined {
  if (typeof input === 'number' && Number.isFinite(input)) return { value: input, format: 'DecimalSI' };
  if (typeof input !== 'string') return undefined;
  const m = QUANTITY_RE.exec(input.trim());
  if (!m || m[1] === '.' || (m[1].match(/\./g)?.length ?? 0) > 1) return undefined;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return undefined;
  const suffix = m[2] ?? '';
  if (m[3]) return { value: n * 10 ** Number(suffix.slice(1)), format: 'DecimalExponent' };
  if (suffix in BINARY) return { value: n * BINARY[suffix], format: 'BinarySI' };
  return { value: n * DECIMAL[suffix], format: 'DecimalSI' };
}

/** Numeric value or 0 for absent/invalid quantities. */
export function quantityValue(input: unknown): number {
  return parseQuantity(input)?.value ?? 0;
}

/** Quantity.String() canonical form. */
export function formatQuantity(q: Quantity): string {
  const v = roundMilli(q.value);
  if (v === 0) return '0';
  if (q.format === 'BinarySI' && Number.isInteger(v) && Math.abs(v) >= 1024) {
    for (const s of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
      const mant = v / BINARY[s];
      if (Number.isInteger(mant)) return `${mant}${s}`;
    }
    return String(v);
  }
  const sign = v < 0 ? '-' : '';
  const abs = Math.abs(v);
  for (const s of ['E', 'P', 'T', 'G', 'M', 'k', '', 'm', 'n']) {
    const mant = roundTo(abs / DECIMAL[s]);
    if (mant >= 1 && Number.isInteger(mant)) return `${sign}${mant}${s}`;
  }
  return String(v);
}

function roundMilli(v: number): number {
  // SetDefaults_ResourceList rounds up to milli precision.
  return Math.ceil(Math.round(v * 1e9) / 1e6) / 1e3;
}

function roundTo(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - r) < 1e-9 * Math.max(1, Math.abs(v)) ? r : v;
}

export function addQuantities(a: string | undefined, b: string | undefined): string {
  const qa = parseQuantity(a ?? '0') ?? { value: 0, format: 'DecimalSI' as const };
  const qb = parseQuantity(b ?? '0') ?? { value: 0, format: 'DecimalSI' as const };
  const format = a !== undefined ? qa.format : qb.format;
  return formatQuantity({ value: qa.value + qb.value, format });
}
