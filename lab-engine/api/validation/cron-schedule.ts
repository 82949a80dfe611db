/**
 * robfig/cron/v3 ParseStandard, for validation only: returns the parser's
 * error text (CronJob puts it in `spec.schedule: Invalid value: …`) or
 * undefined. Scheduling itself is the CronJob controller's (cron-parser).
 */
const BOUNDS: [number, number, Record<string, number>?][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12, { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 }],
  [0, 6, { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }],
];

const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

export function cronScheduleError(spec: string): string | undefined {
  if (spec.length === 0) return 'empty spec string';
  let s = spec;
  if (s.startsWith('TZ=') || s.startsWith('CRON_TZ=')) {
    const i = s.indexOf(' ');
    s = i < 0 ? '' : s.slice(i).trim();
  }
  if (s.startsWith('@')) {
    if (DESCRIPTORS.includes(s)) return undefined;
    if (s.startsWith('@every ')) return /^\d+(\.\d+)?(ns|us|µs|ms|s|m|h)(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))*$/.test(s.slice(7)) ? undefined : `failed to parse duration ${s}: time: invalid duration "${s.slice(7)}"`;
    return `unrecognized descriptor: ${s}`;
  }
  const fields = s.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    for (const part of fields[i].split(',')) {
      const err = rangeError(part, BOUNDS[i]);
      if (err) return err;
    }
  }
  return undefined;
}

function rangeError(expr: string, [min, max, names]: [number, number, Record<string, number>?]): string | undefined {
  const [rangePart, stepPart, extra] = expr.split('/');
  if (extra !== undefined) return `too many slashes: ${expr}`;
  let start: number;
  let end: number;
  const lowAndHigh = rangePart.split('-');
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = min;
    end = max;
  } else {
    const a = parseValue(lowAndHigh[0], names);
    if (typeof a === 'string') return a;
    start = end = a;
  }
  if (lowAndHigh.length === 2) {
    const b = parseValue(lowAndHigh[1], names);
    if (typeof b === 'string') return b;
    end = b;
  } else if (lowAndHigh.length > 2) return `too many hyphens: ${expr}`;
  if (stepPart !== undefined) {
    const st = parseValue(stepPart, undefined);
    if (typeof st === 'string') return st;
    if (st === 0) return `step of range should be a positive number: ${expr}`;
  }
  if (start < min) return `beginning of range (${start}) below minimum (${min}): ${expr}`;
  if (end > max) return `end of range (${end}) above maximum (${max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  return undefined;
}

function parseValue(s: string, names: Record<string, number> | undefined): number | string {
  const named = names?.[s.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^[+-]?\d+$/.test(s)) return `failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (n < 0) return `negative number (${n}) not allowed: ${s}`;
  return n;
}
