import type { FlagSpec, FlagType, FlagValue, ParsedFlags } from './types';

/**
 * Command-line flag parsing with spf13/pflag semantics (flag.go, string_slice.go,
 * bool.go, int.go, duration.go) as cobra drives it for kubectl:
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, grouped
 * bool shorthands (`-it`), NoOptDefVal (`--all`, `--dry-run`), `--` ends flags,
 * flags interspersed with arguments.
 *
 * Values in ParsedFlags.values: bool → boolean, int → number, duration →
 * milliseconds (number), string → string, stringArray/stringSlice → string[],
 * stringToString → Record<string,string>.
 */

/** A pflag parse error; kubectl prints it as `Error: <msg>` + `See '<path> --help' for usage.`. */
export class FlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagError';
  }
}

export function parseFlags(specs: readonly FlagSpec[], argv: readonly string[]): ParsedFlags {
  const index = indexFlags(specs);
  const state: ParseState = { values: defaults(specs), changed: new Set(), args: [], afterDash: [], argsLenAtDash: -1 };
  let i = 0;
  while (i < argv.length) {
    const a = argv[i++];
    if (a === '--') {
      state.argsLenAtDash = state.args.length;
      state.afterDash.push(...argv.slice(i));
      break;
    }
    if (a.length < 2 || a[0] !== '-') {
      state.args.push(a);
      continue;
    }
    const next = () => (i < argv.length ? argv[i++] : undefined);
    const peek = () => (i < argv.length ? argv[i] : undefined);
    if (a.startsWith('--')) parseLong(a, index, state, next);
    else parseShorts(a, index, state, next, peek);
  }
  return state;
}

interface ParseState extends ParsedFlags {}

interface FlagIndex {
  long: Map<string, FlagSpec>;
  short: Map<string, FlagSpec>;
}

function indexFlags(specs: readonly FlagSpec[]): FlagIndex {
  const long = new Map<string, FlagSpec>();
  const short = new Map<string, FlagSpec>();
  for (const s of specs) {
    long.set(s.name, s);
    if (s.shorthand) short.set(s.shorthand, s);
  }
  return { long, short };
}

function parseLong(a: string, index: FlagIndex, state: ParseState, next: () => string | undefined): void {
  const body = a.slice(2);
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const spec = index.long.get(name);
  if (!spec) throw new FlagError(`unknown flag: --${name}`);
  if (eq >= 0) return setFlag(spec, body.slice(eq + 1), state);
  const noOpt = noOptDefault(spec);
  if (noOpt !== undefined) return setFlag(spec, noOpt, state);
  const v = next();
  if (v === undefined) throw new FlagError(`flag needs an argument: ${a}`);
  setFlag(spec, v, state);
}

function parseShorts(a: string, index: FlagIndex, state: ParseState, next: () => string | undefined, _peek: () => string | undefined): void {
  let rest = a.slice(1);
  while (rest.length > 0) {
    const c = rest[0];
    const spec = index.short.get(c);
    if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
    const noOpt = noOptDefault(spec);
    if (rest.length > 2 && rest[1] === '=') {
      setFlag(spec, rest.slice(2), state);
      return;
    }
    if (noOpt !== undefined) {
      setFlag(spec, noOpt, state);
      rest = rest.slice(1);
      continue;
    }
    if (rest.length > 1) {
      setFlag(spec, rest.slice(1), state);
      return;
    }
    const v = next();
    if (v === undefined) throw new FlagError(`flag needs an argument: '${c}' in ${a}`);
    setFlag(spec, v, state);
    return;
  }
}

function noOptDefault(spec: FlagSpec): string | undefined {
  if (spec.noOptDefValue !== undefined) return spec.noOptDefValue;
  return spec.type === 'bool' ? 'true' : undefined;
}

/** pflag's flag name in errors: `-r, --replicas` or `--timeout`. */
export function flagDisplayName(spec: FlagSpec): string {
  return spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
}

function setFlag(spec: FlagSpec, raw: string, state: ParseState): void {
  const first = !state.changed.has(spec.name);
  let value: FlagValue;
  try {
    value = convert(spec.type, raw, first ? undefined : state.values[spec.name]);
  } catch (e) {
    throw new FlagError(`invalid argument "${raw}" for "${flagDisplayName(spec)}" flag: ${(e as Error).message}`);
  }
  state.values[spec.name] = value;
  state.changed.add(spec.name);
}

function convert(type: FlagType, raw: string, prev: FlagValue | undefined): FlagValue {
  switch (type) {
    case 'bool':
      return parseBool(raw);
    case 'int':
      return parseInt64(raw);
    case 'duration':
      return parseDurationMs(raw);
    case 'stringArray':
      return [...((prev as string[] | undefined) ?? []), raw];
    case 'stringSlice':
      return [...((prev as string[] | undefined) ?? []), ...readCsv(raw)];
    case 'stringToString':
      return { ...((prev as Record<string, string> | undefined) ?? {}), ...parseStringToString(raw) };
    default:
      return raw;
  }
}

/** strconv.ParseBool. */
export function parseBool(s: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  throw new Error(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

/** strconv.ParseInt(s, 0, 64): decimal, 0x, 0o, 0b, leading 0 octal, underscores only with a prefix. */
export function parseInt64(s: string): number {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  if (!m) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  const body = m[2].replace(/_/g, '');
  let n: number;
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) n = parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) n = parseInt(body.slice(2), 2);
  else if (body.length > 1 && body[0] === '0') n = parseInt(body.slice(1), 8);
  else n = parseInt(body, 10);
  if (!Number.isFinite(n) || Math.abs(n) > 9223372036854775807) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return m[1] === '-' ? -n : n;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

/** time.ParseDuration, in milliseconds. */
export function parseDurationMs(s: string): number {
  const bad = () => new Error(`time: invalid duration ${goQuote(s)}`);
  let rest = s;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw bad();
  let total = 0;
  for (let guard = 0; rest.length > 0 && guard < 100; guard++) {
    const m = /^([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)?/.exec(rest);
    if (!m || m[1] === '' || m[1] === '.') throw bad();
    if (!m[2]) throw new Error(`time: missing unit in duration ${goQuote(s)}`);
    total += parseFloat(m[1]) * DURATION_UNITS[m[2]];
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

/** pflag's stringSlice reads its value as one CSV record. */
export function readCsv(s: string): string[] {
  if (s === '') return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function parseStringToString(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of readCsv(s)) {
    const eq = kv.indexOf('=');
    if (eq < 0) throw new Error(`${kv} must be formatted as key=value`);
    out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

/** Go's %q for the ASCII strings we meet in flag values. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

function defaults(specs: readonly FlagSpec[]): Record<string, FlagValue> {
  const out: Record<string, FlagValue> = {};
  for (const s of specs) out[s.name] = defaultValue(s);
  return out;
}

/** The typed default of a flag, from its help-style defValue. */
export function defaultValue(spec: FlagSpec): FlagValue {
  const d = spec.defValue;
  switch (spec.type) {
    case 'bool':
      return d === 'true';
    case 'int':
      return d ? parseInt64(d) : 0;
    case 'duration':
      return d ? parseDurationMs(d) : 0;
    case 'stringArray':
    case 'stringSlice':
      return d && d !== '[]' ? readCsv(d.slice(1, -1)) : [];
    case 'stringToString':
      return {};
    default:
      return d ?? '';
  }
}

/**
 * cobra's stripFlags (command.go): the non-flag words of argv, used to find the
 * subcommand. A flag without `=` that is not bool-like swallows the next word,
 * even when the flag is unknown (so `kubectl --foo get` finds no verb).
 */
export function stripFlags(argv: readonly string[], specs: readonly FlagSpec[]): string[] {
  const index = indexFlags(specs);
  const out: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const s = argv[i++];
    if (s === '--') break;
    let swallows = false;
    if (s.startsWith('--') && !s.includes('=')) {
      const spec = index.long.get(s.slice(2));
      swallows = !spec || noOptDefault(spec) === undefined;
    } else if (s.startsWith('-') && !s.includes('=') && s.length === 2) {
      const spec = index.short.get(s[1]);
      swallows = !spec || noOptDefault(spec) === undefined;
    }
    if (swallows) {
      // cobra: `if len(args) <= 1 { break Loop }` — a trailing flag+value ends the search.
      if (argv.length - i <= 1) break;
      i++;
    } else if (s !== '' && !s.startsWith('-')) out.push(s);
  }
  return out;
}

// ---- typed accessors for commands ----

export function flagString(flags: ParsedFlags, name: string): string {
  const v = flags.values[name];
  return typeof v === 'string' ? v : v === undefined ? '' : String(v);
}

export function flagBool(flags: ParsedFlags, name: string): boolean {
  return flags.values[name] === true;
}

export function flagInt(flags: ParsedFlags, name: string): number {
  const v = flags.values[name];
  return typeof v === 'number' ? v : 0;
}

export function flagStrings(flags: ParsedFlags, name: string): string[] {
  const v = flags.values[name];
  return Array.isArray(v) ? v : [];
}

export function flagMap(flags: ParsedFlags, name: string): Record<string, string> {
  const v = flags.values[name];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
}
