import { defineCommand, type Command, type CommandContext } from 'just-bash';
import { bytesToText } from '../just-bash-parse';

/**
 * GNU findutils xargs (xargs/xargs.c), replacing just-bash's, which lacks
 * `-L`, attached option values (`-n1`, `-I{}`) and GNU's line semantics for
 * `-I`. Practice solutions pipe pod IPs and names through it
 * (`… | xargs -L1 -I '{}' kubectl run …`, `… | xargs -n1 kubectl delete pod`).
 *
 * Supported: -0/--null, -d/--delimiter, -I/-i/--replace, -L/-l/--max-lines,
 * -n/--max-args, -r/--no-run-if-empty, -t/--verbose, -x/--exit, -E/-e
 * (end-of-file string), -P/--max-procs and -s/--max-chars (accepted; commands
 * run one after another, which keeps the lab deterministic).
 */
export interface XargsOptions {
  nul: boolean;
  delimiter?: string;
  replace?: string;
  maxLines?: number;
  maxArgs?: number;
  noRunIfEmpty: boolean;
  verbose: boolean;
  eof?: string;
  command: string[];
}

const USAGE = 'Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nRun COMMAND with arguments INITIAL-ARGS and more arguments read from input.\n';
const TRY = "Try 'xargs --help' for more information.\n";

/** Options that take a value: short letter → long name. */
const VALUED: Record<string, string> = { d: 'delimiter', I: 'replace', L: 'max-lines', n: 'max-args', P: 'max-procs', s: 'max-chars', E: 'eof', a: 'arg-file' };
/** Options whose value is optional and must be attached (`-i{}`, `-l5`, `-eEND`). */
const OPTIONAL: Record<string, string> = { i: 'replace', l: 'max-lines', e: 'eof' };
const FLAGS: Record<string, string> = { '0': 'null', r: 'no-run-if-empty', t: 'verbose', x: 'exit', p: 'interactive' };

function positive(name: string, v: string): number | string {
  if (!/^\d+$/.test(v) || Number(v) < 1) return `xargs: invalid number "${v}" for -${name} option\n${TRY}`;
  return Number(v);
}

function unescapeDelimiter(d: string): string | undefined {
  const map: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\0': '\0', '\\\\': '\\', "\\'": "'" };
  const v = map[d] ?? d;
  return v.length === 1 ? v : undefined;
}

function apply(o: XargsOptions, long: string, value: string | undefined, letter: string): string | undefined {
  switch (long) {
    case 'null':
      o.nul = true;
      return;
    case 'no-run-if-empty':
      o.noRunIfEmpty = true;
      return;
    case 'verbose':
      o.verbose = true;
      return;
    case 'exit':
    case 'interactive':
    case 'max-procs':
    case 'max-chars':
      return;
    case 'delimiter': {
      const d = unescapeDelimiter(value ?? '');
      if (d === undefined) return `xargs: invalid input delimiter specification ${value}: the delimiter must be either a single character or an escape sequence starting with \\.\n`;
      o.delimiter = d;
      return;
    }
    case 'replace':
      o.replace = value || '{}';
      o.maxLines = 1;
      return;
    case 'max-lines': {
      const n = positive(letter, value ?? '1');
      if (typeof n === 'string') return n;
      o.maxLines = n;
      o.replace = undefined;
      return;
    }
    case 'max-args': {
      const n = positive(letter, value ?? '');
      if (typeof n === 'string') return n;
      o.maxArgs = n;
      return;
    }
    case 'eof':
      o.eof = value || undefined;
      return;
    case 'arg-file':
      return `xargs: -a is not supported here\n`;
  }
  return `xargs: unrecognized option '--${long}'\n${USAGE}${TRY}`;
}

/** Parses argv the way getopt_long does for xargs ("+0a:E:e::i::I:l::L:n:prs:txP:d:"). */
export function parseXargsArgs(args: string[]): XargsOptions | string {
  const o: XargsOptions = { nul: false, noRunIfEmpty: false, verbose: false, command: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--help') return `${USAGE}`;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      const known = [...Object.values(VALUED), ...Object.values(OPTIONAL), ...Object.values(FLAGS)];
      if (!known.includes(name)) return `xargs: unrecognized option '${a}'\n${USAGE}${TRY}`;
      const needs = Object.values(VALUED).includes(name) && !Object.values(OPTIONAL).includes(name);
      const value = inline ?? (needs ? args[++i] : undefined);
      if (needs && value === undefined) return `xargs: option '--${name}' requires an argument\n${USAGE}${TRY}`;
      const err = apply(o, name, value, name[0]);
      if (err) return err;
      continue;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (FLAGS[c]) {
        apply(o, FLAGS[c], undefined, c);
        continue;
      }
      const rest = a.slice(j + 1);
      if (OPTIONAL[c]) {
        const err = apply(o, OPTIONAL[c], rest || undefined, c);
        if (err) return err;
        break;
      }
      if (VALUED[c]) {
        const value = rest || args[++i];
        if (value === undefined) return `xargs: option requires an argument -- '${c}'\n${USAGE}${TRY}`;
        const err = apply(o, VALUED[c], value, c);
        if (err) return err;
        break;
      }
      return `xargs: invalid option -- '${c}'\n${USAGE}${TRY}`;
    }
  }
  o.command = args.slice(i);
  if (o.command.length === 0) o.command = ['echo'];
  return o;
}

/** Splits blank-separated input with xargs' quoting (`'…'`, `"…"`, backslash); one entry per input line. */
function splitQuotedLines(input: string): { items: string[]; error?: string } {
  const lines: string[][] = [];
  let cur: string[] = [];
  let word = '';
  let has = false;
  let q: string | null = null;
  for (let k = 0; k < input.length; k++) {
    const c = input[k];
    if (q) {
      if (c === q) q = null;
      else if (c === '\n') return { items: [], error: `xargs: unmatched ${q === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option\n` };
      else word += c;
    } else if (c === "'" || c === '"') {
      q = c;
      has = true;
    } else if (c === '\\' && k + 1 < input.length) {
      word += input[++k];
      has = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (has) cur.push(word);
      word = '';
      has = false;
      // A line ending in a blank continues on the next line (GNU -L semantics).
      if (c === '\n' && !/[ \t]$/.test(input.slice(0, k)) && cur.length) {
        lines.push(cur);
        cur = [];
      }
    } else {
      word += c;
      has = true;
    }
  }
  if (q) return { items: [], error: `xargs: unmatched ${q === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option\n` };
  if (has) cur.push(word);
  if (cur.length) lines.push(cur);
  return { items: lines.map((l) => l.join('\0')) };
}

/** The argument groups, one per command line to run (before -I substitution). */
export function xargsBatches(o: XargsOptions, input: string): { batches: string[][]; error?: string } {
  let lines: string[][];
  if (o.nul || o.delimiter !== undefined) {
    const d = o.nul ? '\0' : o.delimiter!;
    const parts = input.split(d);
    if (parts[parts.length - 1] === '' || (d !== '\n' && parts[parts.length - 1] === '\n')) parts.pop();
    lines = parts.map((p) => [p]);
  } else if (o.replace !== undefined) {
    // -I: each input line is one argument; leading blanks are ignored (GNU), quotes still apply.
    lines = [];
    for (const raw of input.split('\n')) {
      const line = raw.replace(/^[ \t]+/, '');
      if (!line) continue;
      const r = splitQuotedLines(line.replace(/([ \t])/g, '\\$1'));
      if (r.error) return { batches: [], error: r.error };
      lines.push([r.items[0] ?? '']);
    }
  } else {
    const r = splitQuotedLines(input);
    if (r.error) return { batches: [], error: r.error };
    lines = r.items.map((l) => l.split('\0'));
  }
  if (o.eof !== undefined) {
    const flat: string[][] = [];
    for (const l of lines) {
      const at = l.indexOf(o.eof);
      if (at >= 0) {
        if (at > 0) flat.push(l.slice(0, at));
        break;
      }
      flat.push(l);
    }
    lines = flat;
  }
  const batches: string[][] = [];
  if (o.maxLines !== undefined) {
    for (let k = 0; k < lines.length; k += o.maxLines) batches.push(lines.slice(k, k + o.maxLines).flat());
  } else batches.push(lines.flat());
  if (o.maxArgs === undefined) return { batches };
  return { batches: batches.flatMap((b) => chunk(b, o.maxArgs!)) };
}

function chunk(items: string[], n: number): string[][] {
  if (items.length === 0) return [[]];
  const out: string[][] = [];
  for (let k = 0; k < items.length; k += n) out.push(items.slice(k, k + n));
  return out;
}

function quoteForTrace(arg: string): string {
  return /[\s"'\\$`!*?[\]{}();&|<>#]/.test(arg) ? `'${arg.replace(/'/g, "'\\''")}'` : arg;
}

function quoteWord(arg: string): string {
  return `'${arg.replace(/'/g, "'\\''")}'`;
}

async function runOne(argv: string[], ctx: CommandContext): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  if (!ctx.exec) return { stdout: '', stderr: 'xargs: cannot run commands here\n', exitCode: 126 };
  return ctx.exec(quoteWord(argv[0]), { cwd: ctx.cwd, signal: ctx.signal, args: argv.slice(1) });
}

export function xargsCommand(): Command {
  return defineCommand('xargs', async (args, ctx) => {
    const o = parseXargsArgs(args);
    if (typeof o === 'string') return { stdout: o.startsWith('Usage') ? o : '', stderr: o.startsWith('Usage') ? '' : o, exitCode: o.startsWith('Usage') ? 0 : 1 };
    const { batches, error } = xargsBatches(o, bytesToText(ctx.stdin));
    if (error) return { stdout: '', stderr: error, exitCode: 1 };
    let stdout = '';
    let stderr = '';
    let exitCode = 0;
    const limit = ctx.limits?.maxLoopIterations ?? 10_000;
    // GNU runs the command once even without input, unless -r (or -I, which needs an input line).
    const nonEmpty = batches.filter((b) => b.length > 0);
    const runnable = nonEmpty.length > 0 ? nonEmpty : !o.noRunIfEmpty && o.replace === undefined ? [[]] : [];
    for (const [n, batch] of runnable.entries()) {
      if (n >= limit) return { stdout, stderr: `${stderr}xargs: too many command lines\n`, exitCode: 1 };
      const argv = o.replace !== undefined ? o.command.map((w) => w.split(o.replace!).join(batch[0] ?? '')) : [...o.command, ...batch];
      if (o.verbose) stderr += `${argv.map(quoteForTrace).join(' ')}\n`;
      const r = await runOne(argv, ctx);
      stdout += r.stdout;
      stderr += r.stderr;
      // GNU: 123 if any invocation exited 1–125; 124 and stop on 255; 126/127 as given, and stop.
      if (r.exitCode === 255) return { stdout, stderr: `${stderr}xargs: ${argv[0]}: exited with status 255; aborting\n`, exitCode: 124 };
      if (r.exitCode === 126 || r.exitCode === 127) return { stdout, stderr, exitCode: r.exitCode };
      if (r.exitCode === 130) return { stdout, stderr, exitCode: 130 };
      if (r.exitCode !== 0) exitCode = 123;
    }
    return { stdout, stderr, exitCode };
  });
}
