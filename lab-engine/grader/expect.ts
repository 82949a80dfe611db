import type { Expectation } from '../lab/schema';
import type { Locale } from '../lab/text';

/** The result of comparing one value with one expectation. */
export interface Comparison {
  passed: boolean;
  /** What was expected, as a learner reads it ("4", "at least 3", "to contain \"nginx\""). */
  expected: string;
  /** What was found ("2", "nothing"). */
  found: string;
}

type Ops = Exclude<Expectation, string | number | boolean | null | unknown[]>;

export function compare(actual: unknown, exp: Expectation, locale: Locale): Comparison {
  const ops: Ops = isOps(exp) ? exp : { equals: exp };
  const found = show(actual, locale);
  for (const [op, want] of Object.entries(ops)) {
    const r = compareOne(actual, op as keyof Ops, want, locale);
    if (!r.passed) return { passed: false, expected: r.expected, found };
  }
  return { passed: true, expected: describe(ops, locale), found };
}

function isOps(e: Expectation): e is Ops {
  return e !== null && typeof e === 'object' && !Array.isArray(e);
}

function compareOne(actual: unknown, op: keyof Ops, want: unknown, locale: Locale): { passed: boolean; expected: string } {
  const t = TEXT[locale];
  switch (op) {
    case 'equals':
      return { passed: looselyEqual(actual, want), expected: show(want, locale) };
    case 'notEquals':
      return { passed: !looselyEqual(actual, want), expected: `${t.not} ${show(want, locale)}` };
    case 'exists':
      return { passed: (actual !== undefined && actual !== null) === want, expected: want ? t.present : t.absent };
    case 'absent':
      return { passed: (actual === undefined || actual === null) === want, expected: want ? t.absent : t.present };
    case 'contains':
      return { passed: contains(actual, want), expected: `${t.toContain} ${show(want, locale)}` };
    case 'notContains':
      return { passed: !contains(actual, want), expected: `${t.notToContain} ${show(want, locale)}` };
    case 'matches':
      return { passed: typeof actual === 'string' || typeof actual === 'number' ? new RegExp(String(want)).test(String(actual)) : false, expected: `${t.toMatch} /${want}/` };
    case 'gte':
      return { passed: toNumber(actual) >= (want as number), expected: `${t.atLeast} ${want}` };
    case 'lte':
      return { passed: toNumber(actual) <= (want as number), expected: `${t.atMost} ${want}` };
    case 'gt':
      return { passed: toNumber(actual) > (want as number), expected: `${t.moreThan} ${want}` };
    case 'lt':
      return { passed: toNumber(actual) < (want as number), expected: `${t.lessThan} ${want}` };
    case 'in':
      return { passed: (want as unknown[]).some((w) => looselyEqual(actual, w)), expected: `${t.oneOf} ${(want as unknown[]).map((w) => show(w, locale)).join(', ')}` };
  }
}

/** "4" equals 4: YAML authors and kubectl output mix strings and numbers. */
function looselyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((typeof a === 'number' || typeof a === 'string') && (typeof b === 'number' || typeof b === 'string')) return String(a) === String(b);
  if (a && b && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

function contains(actual: unknown, want: unknown): boolean {
  if (typeof actual === 'string') return actual.includes(String(want));
  if (Array.isArray(actual)) return actual.some((x) => looselyEqual(x, want) || (typeof x === 'string' && typeof want === 'string' && x === want));
  if (actual && typeof actual === 'object' && want && typeof want === 'object') {
    return Object.entries(want as Record<string, unknown>).every(([k, v]) => looselyEqual((actual as Record<string, unknown>)[k], v));
  }
  return false;
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (Array.isArray(v)) return v.length;
  return Number.NaN;
}

export function show(v: unknown, locale: Locale): string {
  if (v === undefined || v === null) return TEXT[locale].nothing;
  if (typeof v === 'string') return JSON.stringify(v.length > 200 ? `${v.slice(0, 200)}…` : v);
  if (typeof v === 'object') {
    const s = JSON.stringify(v);
    return s.length > 200 ? `${s.slice(0, 200)}…` : s;
  }
  return String(v);
}

function describe(ops: Ops, locale: Locale): string {
  return Object.entries(ops)
    .map(([op, want]) => compareOne(undefined, op as keyof Ops, want, locale).expected)
    .join(', ');
}

const TEXT = {
  en: {
    not: 'not',
    present: 'present',
    absent: 'absent',
    toContain: 'to contain',
    notToContain: 'not to contain',
    toMatch: 'to match',
    atLeast: 'at least',
    atMost: 'at most',
    moreThan: 'more than',
    lessThan: 'less than',
    oneOf: 'one of',
    nothing: 'nothing',
  },
  zh: {
    not: '不是',
    present: '存在',
    absent: '不存在',
    toContain: '包含',
    notToContain: '不包含',
    toMatch: '匹配',
    atLeast: '至少',
    atMost: '至多',
    moreThan: '大于',
    lessThan: '小于',
    oneOf: '以下之一：',
    nothing: '无',
  },
} as const;
