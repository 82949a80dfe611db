import type { Shell } from './interpreter';
import type { Io, Program } from './types';

/**
 * perl (the `perl` images, 5.34–5.40): enough of the interpreter for the
 * Kubernetes docs' Job (`perl -Mbignum=bpi -wle 'print bpi(2000)'`) and for
 * one-line prints (`perl -le 'print "hi", 1+2'`). Anything else fails with
 * perl's own messages (`Undefined subroutine &main::foo called at -e line 1.`,
 * `syntax error at -e line 1, near "…"`), exit 255 as perl's die does.
 */
export const PERL_VERSION = '5.34.3';

/** Memoised pi strings (a Job retried or scaled computes the same digits again). */
const piCache = new Map<number, string>();

/**
 * π to `digits` significant digits, as Math::BigFloat->bpi(N) prints it
 * (Math/BigFloat.pm bpi: the value rounded to N digits, trailing zeros kept;
 * bpi(1) is "3"). Machin's formula over BigInt fixed point with guard digits.
 */
export function piDigits(digits: number): string {
  const n = Math.max(1, Math.floor(digits));
  const hit = piCache.get(n);
  if (hit !== undefined) return hit;
  const guard = 12;
  const scale = 10n ** BigInt(n + guard);
  // atan(1/x) = Σ (-1)^k / ((2k+1) x^(2k+1))
  const atanInv = (x: bigint): bigint => {
    let term = scale / x;
    let sum = term;
    const x2 = x * x;
    for (let k = 1n; term !== 0n; k++) {
      term /= x2;
      const t = term / (2n * k + 1n);
      sum = k % 2n === 1n ? sum - t : sum + t;
    }
    return sum;
  };
  const pi = 16n * atanInv(5n) - 4n * atanInv(239n); // π × 10^(n+guard)
  // Keep n significant digits (one before the point): drop guard+1 digits, rounding half up
  // (the guard digits make a tie impossible at these precisions).
  const drop = 10n ** BigInt(guard + 1);
  const rounded = (pi + drop / 2n) / drop; // π × 10^(n-1)
  const s = rounded.toString();
  const out = n === 1 ? s : `${s[0]}.${s.slice(1)}`;
  if (piCache.size < 16) piCache.set(n, out);
  return out;
}

interface PerlOpts {
  code?: string;
  newline: boolean;
  modules: string[];
  script?: string;
  /** -d: the debugger (the image's CMD is `perl -de0`). */
  debugger?: boolean;
}

function usageError(io: Io, text: string): number {
  io.err(text);
  return 29;
}

export function* perl(argv: string[], io: Io, sh: Shell): Program {
  const opts: PerlOpts = { newline: false, modules: [] };
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '-v' || a === '--version') {
      io.out(`\nThis is perl 5, version 34, subversion 3 (v${PERL_VERSION}) built for x86_64-linux-gnu\n\nCopyright 1987-2024, Larry Wall\n\nPerl may be copied only under the terms of either the Artistic License or the\nGNU General Public License, which may be found in the Perl 5 source kit.\n\nComplete documentation for Perl, including FAQ lists, should be found on\nthis system using "man perl" or "perldoc perl".  If you have access to the\nInternet, point your browser at https://www.perl.org/, the Perl Home Page.\n\n`);
      return 0;
    }
    // Clustered switches: -wle CODE, -Mbignum=bpi, -le, -E.
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (c === 'M' || c === 'm') {
        const mod = a.slice(k + 1) || argv[++i];
        if (!mod) return usageError(io, 'Missing argument to -M\n');
        opts.modules.push(mod);
        break;
      }
      if (c === 'e' || c === 'E') {
        const rest = a.slice(k + 1);
        const code = rest || argv[++i];
        if (code === undefined) return usageError(io, 'No code specified for -e.\n');
        opts.code = opts.code === undefined ? code : `${opts.code}\n${code}`;
        break;
      }
      if (c === 'd') opts.debugger = true;
      else if (c === 'l') opts.newline = true;
      else if (!'wWsanpc'.includes(c)) return usageError(io, `Unrecognized switch: -${a.slice(k)}  (-h will show valid options).\n`);
    }
  }
  if (opts.debugger) {
    // perl5db.pl: a banner, the first statement, then it reads commands from the terminal; at end of input
    // it quits (exit 0), so `kubectl run p --image=perl` completes at once without -it, as the real image does.
    io.out(`\nLoading DB routines from perl5db.pl version 1.60\nEditor support available.\n\nEnter h or 'h h' for help, or 'man perldebug' for more help.\n\nmain::(${opts.code === undefined ? argv[i] ?? '-' : '-e'}:1):\t${(opts.code ?? '').split('\n')[0]}\n`);
    if (io.stdinOpen) yield { kind: 'block' };
    return 0;
  }
  if (opts.code === undefined) {
    const file = argv[i];
    if (file !== undefined) {
      const src = sh.host.fs.read(sh.abs(file));
      if (src === undefined) {
        io.err(`Can't open perl script "${file}": No such file or directory\n`);
        return 2;
      }
      return runPerl(src, file, opts, io);
    }
    return runPerl(io.stdin, '-', opts, io);
  }
  return runPerl(opts.code, '-e', opts, io);
}

class PerlDie {
  constructor(readonly message: string) {}
}

function runPerl(src: string, where: string, opts: PerlOpts, io: Io): number {
  const imported = new Set<string>();
  for (const m of opts.modules) {
    const [name, list] = m.split('=');
    if (name === 'bignum' || name === 'bigint' || name === 'bigrat' || name === 'Math::BigFloat') {
      for (const f of (list ?? '').split(',')) if (f) imported.add(f);
    } else if (!['strict', 'warnings', 'utf8'].includes(name)) {
      io.err(`Can't locate ${name.replace(/::/g, '/')}.pm in @INC (you may need to install the ${name} module) (@INC entries checked: /usr/local/lib/perl5/site_perl/${PERL_VERSION}/x86_64-linux-gnu /usr/local/lib/perl5/site_perl/${PERL_VERSION} /usr/local/lib/perl5/vendor_perl/${PERL_VERSION}/x86_64-linux-gnu /usr/local/lib/perl5/vendor_perl/${PERL_VERSION} /usr/local/lib/perl5/${PERL_VERSION}/x86_64-linux-gnu /usr/local/lib/perl5/${PERL_VERSION}).\nBEGIN failed--compilation aborted.\n`);
      return 2;
    }
  }
  const out: string[] = [];
  try {
    const stmts = splitStatements(src);
    for (const s of stmts) {
      const st = s.trim();
      if (!st || st.startsWith('#') || /^use\s+(strict|warnings)\b/.test(st)) continue;
      const exit = /^exit\s*\(?\s*(\d+)?\s*\)?$/.exec(st);
      if (exit) {
        io.out(out.join(''));
        return Number(exit[1] ?? 0) & 255;
      }
      const pr = /^print\b\s*(.*)$/s.exec(st);
      if (!pr) {
        const call = /^&?([A-Za-z_]\w*)\s*\(/.exec(st);
        if (call) throw new PerlDie(`Undefined subroutine &main::${call[1]} called at ${where} line 1.\n`);
        throw syntaxError(st, where);
      }
      const args = pr[1].trim().replace(/^\((.*)\)$/s, '$1');
      const values = args ? splitArgs(args).map((e) => evalExpr(e.trim(), imported, where)) : [''];
      out.push(values.join('') + (opts.newline ? '\n' : ''));
    }
  } catch (e) {
    if (!(e instanceof PerlDie)) throw e;
    io.out(out.join(''));
    io.err(e.message);
    return 255;
  }
  io.out(out.join(''));
  return 0;
}

function syntaxError(stmt: string, where: string): PerlDie {
  const near = stmt.split(/\s+/).slice(0, 2).join(' ');
  return new PerlDie(`syntax error at ${where} line 1, near "${near}"\nExecution of ${where} aborted due to compilation errors.\n`);
}

/** Splits on `;` outside quotes and parentheses. */
function splitStatements(src: string): string[] {
  return splitTop(src, ';');
}

function splitArgs(src: string): string[] {
  return splitTop(src, ',');
}

function splitTop(src: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\' && quote === '"') {
        cur += c + (src[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === quote) quote = '';
      cur += c;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === sep && depth === 0) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

function evalExpr(e: string, imported: Set<string>, where: string): string {
  const dq = /^"((?:[^"\\]|\\.)*)"$/s.exec(e);
  if (dq) return dq[1].replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\', '"': '"', $: '$', '@': '@' })[c] ?? c);
  const sq = /^'((?:[^'\\]|\\.)*)'$/s.exec(e);
  if (sq) return sq[1].replace(/\\([\\'])/g, '$1');
  const bpi = /^(?:Math::BigFloat\s*->\s*)?bpi\s*\(\s*(\d*)\s*\)$/.exec(e) ?? /^bpi\s+(\d+)$/.exec(e);
  if (bpi) {
    if (!e.startsWith('Math::BigFloat') && !imported.has('bpi')) throw new PerlDie(`Undefined subroutine &main::bpi called at ${where} line 1.\n`);
    return piDigits(bpi[1] ? Number(bpi[1]) : 40);
  }
  if (/^[\d\s+\-*/().]+$/.test(e)) {
    const v = arithmetic(e);
    if (v === undefined) throw syntaxError(e, where);
    return formatNumber(v);
  }
  const call = /^&?([A-Za-z_]\w*)\s*\(/.exec(e);
  if (call) throw new PerlDie(`Undefined subroutine &main::${call[1]} called at ${where} line 1.\n`);
  throw syntaxError(e, where);
}

/** perl prints numbers with %.15g. */
function formatNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const s = v.toPrecision(15);
  return s.includes('e') ? s.replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2') : s.replace(/\.?0+$/, '');
}

/** + - * / ( ) over decimal numbers. */
function arithmetic(src: string): number | undefined {
  const toks = src.match(/\d+(?:\.\d+)?|[+\-*/()]/g) ?? [];
  let p = 0;
  let ok = true;
  const prim = (): number => {
    const t = toks[p++];
    if (t === '(') {
      const v = add();
      if (toks[p++] !== ')') ok = false;
      return v;
    }
    if (t === '-') return -prim();
    if (t === '+') return prim();
    if (t === undefined || !/^\d/.test(t)) ok = false;
    return Number(t);
  };
  const mul = (): number => {
    let v = prim();
    while (toks[p] === '*' || toks[p] === '/') v = toks[p++] === '*' ? v * prim() : v / prim();
    return v;
  };
  const add = (): number => {
    let v = mul();
    while (toks[p] === '+' || toks[p] === '-') v = toks[p++] === '+' ? v + mul() : v - mul();
    return v;
  };
  const v = add();
  return ok && p === toks.length && Number.isFinite(v) ? v : undefined;
}
