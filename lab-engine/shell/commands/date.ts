/**
 * GNU `date` on the virtual clock, always in UTC (the simulated node runs
 * with TZ unset → UTC). Formats follow coreutils' strftime subset
 * (src/date.c, gnulib nstrftime.c): padding flags `-`, `_`, `0`, `^`.
 */
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface DateResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function pad(n: number, width: number, flag: string, defaultPad: '0' | ' '): string {
  if (flag === '-') return String(n);
  const ch = flag === '_' ? ' ' : flag === '0' ? '0' : defaultPad;
  return String(n).padStart(width, ch);
}

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

function isoWeek(d: Date): { year: number; week: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { year: t.getUTCFullYear(), week: Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

function conversion(c: string, d: Date, flag: string, ms: number): string | undefined {
  const h = d.getUTCHours();
  switch (c) {
    case 'a': return DAYS[d.getUTCDay()].slice(0, 3);
    case 'A': return DAYS[d.getUTCDay()];
    case 'b': case 'h': return MONTHS[d.getUTCMonth()].slice(0, 3);
    case 'B': return MONTHS[d.getUTCMonth()];
    case 'c': return formatDate('%a %b %e %H:%M:%S %Y', ms);
    case 'C': return pad(Math.floor(d.getUTCFullYear() / 100), 2, flag, '0');
    case 'd': return pad(d.getUTCDate(), 2, flag, '0');
    case 'D': return formatDate('%m/%d/%y', ms);
    case 'e': return pad(d.getUTCDate(), 2, flag, ' ');
    case 'F': return formatDate('%Y-%m-%d', ms);
    case 'g': return pad(isoWeek(d).year % 100, 2, flag, '0');
    case 'G': return String(isoWeek(d).year);
    case 'H': return pad(h, 2, flag, '0');
    case 'I': return pad(h % 12 || 12, 2, flag, '0');
    case 'j': return pad(dayOfYear(d), 3, flag, '0');
    case 'k': return pad(h, 2, flag, ' ');
    case 'l': return pad(h % 12 || 12, 2, flag, ' ');
    case 'm': return pad(d.getUTCMonth() + 1, 2, flag, '0');
    case 'M': return pad(d.getUTCMinutes(), 2, flag, '0');
    case 'n': return '\n';
    case 'N': return String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0');
    case 'p': return h < 12 ? 'AM' : 'PM';
    case 'P': return h < 12 ? 'am' : 'pm';
    case 'r': return formatDate('%I:%M:%S %p', ms);
    case 'R': return formatDate('%H:%M', ms);
    case 's': return String(Math.floor(ms / 1000));
    case 'S': return pad(d.getUTCSeconds(), 2, flag, '0');
    case 't': return '\t';
    case 'T': return formatDate('%H:%M:%S', ms);
    case 'u': return String(d.getUTCDay() || 7);
    case 'U': return pad(Math.floor((dayOfYear(d) + 6 - d.getUTCDay()) / 7), 2, flag, '0');
    case 'V': return pad(isoWeek(d).week, 2, flag, '0');
    case 'w': return String(d.getUTCDay());
    case 'W': return pad(Math.floor((dayOfYear(d) + 6 - ((d.getUTCDay() + 6) % 7)) / 7), 2, flag, '0');
    case 'x': return formatDate('%m/%d/%y', ms);
    case 'X': return formatDate('%H:%M:%S', ms);
    case 'y': return pad(d.getUTCFullYear() % 100, 2, flag, '0');
    case 'Y': return String(d.getUTCFullYear());
    case 'z': return '+0000';
    case 'Z': return 'UTC';
    case '%': return '%';
    default: return undefined;
  }
}

export function formatDate(format: string, ms: number): string {
  const d = new Date(ms);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%' || i === format.length - 1) {
      out += format[i];
      continue;
    }
    let j = i + 1;
    let flag = '';
    while ('-_0^#'.includes(format[j]) && j < format.length - 1) flag = format[j++];
    let colons = '';
    while (format[j] === ':') colons += format[j++];
    if (format[j] === 'z' && colons) {
      out += colons === ':' ? '+00:00' : colons === '::' ? '+00:00:00' : '+00';
      i = j;
      continue;
    }
    let v = conversion(format[j], d, flag, ms);
    if (v === undefined) {
      out += format.slice(i, j + 1);
    } else {
      if (flag === '^') v = v.toUpperCase();
      out += v;
    }
    i = j;
  }
  return out;
}

const UNIT_MS: Record<string, number> = {
  sec: 1000, second: 1000, min: 60_000, minute: 60_000, hour: 3_600_000,
  day: 86_400_000, week: 604_800_000, fortnight: 1_209_600_000,
};

/** A subset of GNU date's free-form `-d` strings; undefined if not understood. */
export function parseDateString(s: string, nowMs: number): number | undefined {
  const t = s.trim().toLowerCase();
  if (t === '' || t === 'now' || t === 'today') return nowMs;
  if (t === 'tomorrow') return nowMs + 86_400_000;
  if (t === 'yesterday') return nowMs - 86_400_000;
  const epoch = /^@(-?\d+(?:\.\d+)?)$/.exec(t);
  if (epoch) return Math.floor(Number(epoch[1]) * 1000);
  const rel = /^([+-]?\d+)?\s*(sec|second|min|minute|hour|day|week|fortnight)s?(\s+ago)?$/.exec(t);
  if (rel) {
    const n = Number(rel[1] ?? '1') * UNIT_MS[rel[2]];
    return rel[3] ? nowMs - n : nowMs + n;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(z|utc)?$/.exec(t);
  if (iso) {
    const [, y, mo, d, hh, mm, ss] = iso;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0));
  }
  const parsed = Date.parse(s);
  return Number.isNaN(parsed) ? undefined : parsed;
}

const ISO_FORMATS: Record<string, string> = {
  date: '%Y-%m-%d',
  hours: '%Y-%m-%dT%H%:z',
  minutes: '%Y-%m-%dT%H:%M%:z',
  seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};

/** `date [OPTION]... [+FORMAT]`; setting the clock (`-s`) is refused, as for an unprivileged user. */
export function runDate(args: string[], nowMs: number): DateResult {
  let format = '%a %b %e %H:%M:%S %Z %Y';
  let ms = nowMs;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-u' || a === '--utc' || a === '--universal') continue;
    if (a.startsWith('+')) format = a.slice(1);
    else if (a === '-d' || a === '--date' || a.startsWith('--date=') || (a.startsWith('-d') && a.length > 2)) {
      const v = a === '-d' || a === '--date' ? args[++i] ?? '' : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
      const parsed = parseDateString(v, nowMs);
      if (parsed === undefined) return { stdout: '', stderr: `date: invalid date ‘${v}’\n`, exitCode: 1 };
      ms = parsed;
    } else if (a === '-I' || a.startsWith('--iso-8601') || /^-I\w+$/.test(a)) {
      const spec = a === '-I' || a === '--iso-8601' ? 'date' : a.startsWith('-I') ? a.slice(2) : a.slice(11);
      const f = ISO_FORMATS[spec];
      if (!f) return { stdout: '', stderr: `date: invalid argument ‘${spec}’ for ‘--iso-8601’\n`, exitCode: 1 };
      format = f;
    } else if (a === '-R' || a === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S %z';
    else if (a.startsWith('--rfc-3339=')) format = a.endsWith('date') ? '%Y-%m-%d' : '%Y-%m-%d %H:%M:%S%:z';
    else if (a === '-s' || a.startsWith('--set')) return { stdout: '', stderr: 'date: cannot set date: Operation not permitted\n', exitCode: 1 };
    else return { stdout: '', stderr: `date: invalid date ‘${a}’\n`, exitCode: 1 };
  }
  return { stdout: `${formatDate(format, ms)}\n`, stderr: '', exitCode: 0 };
}
