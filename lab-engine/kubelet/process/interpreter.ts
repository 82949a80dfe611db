import { type Node, type Redir, parseShell, ShellSyntaxError } from './shell-parse';
import { type Effect, ExitSignal, type Io, LoopSignal, type ProcessHost, type Program } from './types';
import { FsError } from '../types';

/** A command implementation: argv[0] is the name as invoked. */
export type CommandFn = (argv: string[], io: Io, sh: Shell) => Program;

/** Loops that run this many iterations without sleeping are slowed down (a busy loop burns CPU, not the simulator). */
const BUSY_LOOP_ITERATIONS = 1000;
const MAX_ITERATIONS = 10_000_000;

/**
 * A POSIX-ish shell (busybox ash flavour) over a container's filesystem,
 * running as a generator so `sleep` pauses on the virtual clock.
 */
export class Shell {
  vars: Map<string, string>;
  exported: Set<string>;
  cwd = '/';
  status = 0;
  positional: string[] = [];
  /** Depth of while/for loops being run (sleeps inside loops are background timers). */
  loopDepth = 0;
  name = 'sh';

  constructor(
    readonly host: ProcessHost,
    env: Record<string, string>,
    readonly commands: Map<string, CommandFn>,
  ) {
    this.vars = new Map(Object.entries(env));
    this.exported = new Set(Object.keys(env));
    this.cwd = env.PWD ?? '/';
  }

  env(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of this.exported) if (this.vars.has(k)) out[k] = this.vars.get(k)!;
    return out;
  }

  /** Runs a script (`sh -c`). Syntax errors print like ash and exit 2. */
  *runScript(src: string, io: Io): Program {
    let node: Node;
    try {
      node = parseShell(src);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.err(`${this.name}: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    try {
      return yield* this.run(node, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      if (e instanceof LoopSignal) return 0;
      throw e;
    }
  }

  *run(node: Node, io: Io): Program {
    switch (node.type) {
      case 'list':
        return yield* this.runList(node, io);
      case 'pipeline':
        return yield* this.runPipeline(node, io);
      case 'simple':
        return yield* this.runSimple(node, io);
      case 'while':
        return yield* this.withRedirs(node.redirs, io, (io2) => this.runWhile(node, io2));
      case 'for':
        return yield* this.withRedirs(node.redirs, io, (io2) => this.runFor(node, io2));
      case 'if':
        return yield* this.withRedirs(node.redirs, io, (io2) => this.runIf(node, io2));
      case 'group':
        return yield* this.withRedirs(node.redirs, io, (io2) => this.runGroup(node, io2));
    }
  }

  private *runList(node: Extract<Node, { type: 'list' }>, io: Io): Program {
    let status = this.status;
    for (const item of node.items) {
      if (item.op === '&&' && status !== 0) continue;
      if (item.op === '||' && status === 0) continue;
      status = yield* this.run(item.node, io);
      this.status = status;
    }
    return status;
  }

  private *runPipeline(node: Extract<Node, { type: 'pipeline' }>, io: Io): Program {
    let input = io.stdin;
    let status = 0;
    for (let i = 0; i < node.cmds.length; i++) {
      const last = i === node.cmds.length - 1;
      let buf = '';
      const stageIo: Io = { stdin: input, stdinOpen: i === 0 ? io.stdinOpen : false, out: last ? io.out : (t) => (buf += t), err: io.err };
      status = yield* this.run(node.cmds[i], stageIo);
      input = buf;
    }
    if (node.negate) status = status === 0 ? 1 : 0;
    this.status = status;
    return status;
  }

  private *runWhile(node: Extract<Node, { type: 'while' }>, io: Io): Program {
    let status = 0;
    this.loopDepth++;
    try {
      for (let i = 0; i < MAX_ITERATIONS; i++) {
        const c = yield* this.run(node.cond, io);
        if (node.until ? c === 0 : c !== 0) break;
        const r = yield* this.loopBody(node.body, io);
        if (r === 'break') break;
        status = this.status;
        if (i % BUSY_LOOP_ITERATIONS === BUSY_LOOP_ITERATIONS - 1) yield { kind: 'sleep', ms: 1, background: true };
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private *runFor(node: Extract<Node, { type: 'for' }>, io: Io): Program {
    const items = node.items === null ? this.positional : yield* this.expandWords(node.items, io);
    let status = 0;
    this.loopDepth++;
    try {
      for (const item of items) {
        this.vars.set(node.name, item);
        const r = yield* this.loopBody(node.body, io);
        status = this.status;
        if (r === 'break') break;
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private *loopBody(body: Node, io: Io): Generator<Effect, 'break' | 'continue' | 'ok', void> {
    try {
      this.status = yield* this.run(body, io);
      return 'ok';
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return e.kind;
    }
  }

  private *runIf(node: Extract<Node, { type: 'if' }>, io: Io): Program {
    for (const b of node.branches) {
      if ((yield* this.run(b.cond, io)) === 0) return yield* this.run(b.body, io);
    }
    return node.otherwise ? yield* this.run(node.otherwise, io) : 0;
  }

  private *runGroup(node: Extract<Node, { type: 'group' }>, io: Io): Program {
    if (!node.subshell) return yield* this.run(node.body, io);
    const saved = { vars: new Map(this.vars), exported: new Set(this.exported), cwd: this.cwd };
    try {
      return yield* this.run(node.body, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      throw e;
    } finally {
      Object.assign(this, saved);
    }
  }

  private *runSimple(node: Extract<Node, { type: 'simple' }>, io: Io): Program {
    const argv = yield* this.expandWords(node.words, io);
    const assigned: [string, string][] = [];
    for (const a of node.assigns) {
      const eq = a.indexOf('=');
      assigned.push([a.slice(0, eq), (yield* this.expandWord(a.slice(eq + 1), io, false)).join(' ')]);
    }
    if (!argv.length) {
      for (const [k, v] of assigned) this.vars.set(k, v);
      this.status = 0;
      return 0;
    }
    const saved = assigned.map(([k]) => [k, this.vars.get(k), this.exported.has(k)] as const);
    for (const [k, v] of assigned) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
    try {
      const status = yield* this.withRedirs(node.redirs, io, (io2) => this.exec(argv, io2));
      this.status = status;
      return status;
    } finally {
      for (const [k, v, exp] of saved) {
        if (v === undefined) this.vars.delete(k);
        else this.vars.set(k, v);
        if (!exp) this.exported.delete(k);
      }
    }
  }

  /** Runs one command by name (builtins, then the image's programs); unknown → 127. */
  *exec(argv: string[], io: Io): Program {
    const name = argv[0];
    const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
    const fn = this.commands.get(base);
    if (!fn) {
      io.err(`${this.name}: ${name}: not found\n`);
      return 127;
    }
    return yield* fn(argv, io, this);
  }

  private *withRedirs(redirs: Redir[], io: Io, body: (io: Io) => Program): Program {
    if (!redirs.length) return yield* body(io);
    let out = io.out;
    let err = io.err;
    let stdin = io.stdin;
    const files: { path: string; append: boolean; buf: string[] }[] = [];
    for (const r of redirs) {
      const target = (yield* this.expandWord(r.target, io, false)).join(' ');
      if (r.op === '>&') {
        const to = target === '1' ? out : target === '2' ? err : out;
        if (r.fd === 2) err = to;
        else out = to;
        continue;
      }
      if (r.op === '<') {
        const content = this.host.fs.read(this.abs(target));
        if (content === undefined) {
          io.err(`${this.name}: can't open '${target}': No such file or directory\n`);
          return 1;
        }
        stdin = content;
        continue;
      }
      const sink = target === '/dev/null' ? () => {} : this.fileSink(this.abs(target), r.op === '>>', files);
      if (target === '/dev/stdout') continue;
      if (target === '/dev/stderr') {
        if (r.fd === 2) continue;
        out = io.err;
        continue;
      }
      if (r.fd === 2) err = sink;
      else out = sink;
    }
    for (const f of files) {
      try {
        this.host.fs.write(f.path, '', { append: f.append });
      } catch (e) {
        io.err(`${this.name}: can't create ${f.path}: ${fsMessage(e)}\n`);
        return 1;
      }
    }
    return yield* body({ stdin, stdinOpen: stdin === io.stdin ? io.stdinOpen : false, out, err });
  }

  private fileSink(path: string, append: boolean, files: { path: string; append: boolean; buf: string[] }[]): (t: string) => void {
    files.push({ path, append, buf: [] });
    return (t) => {
      try {
        this.host.fs.write(path, t, { append: true });
      } catch {
        // EROFS etc. were reported when the file was opened
      }
    };
  }

  abs(p: string): string {
    if (p.startsWith('/')) return normalizePath(p);
    return normalizePath(`${this.cwd}/${p}`);
  }

  // ---- expansion -----------------------------------------------------------

  *expandWords(words: string[], io: Io): Generator<Effect, string[], void> {
    const out: string[] = [];
    for (const w of words) out.push(...(yield* this.expandWord(w, io, true)));
    return out;
  }

  /** Quote removal, parameter/command/arithmetic expansion, field splitting of unquoted results. */
  *expandWord(word: string, io: Io, split: boolean): Generator<Effect, string[], void> {
    const fields: string[] = [];
    let cur = '';
    let hasQuoted = false;
    let i = 0;
    if (word.startsWith('~') && (word.length === 1 || word[1] === '/')) {
      cur = this.vars.get('HOME') ?? '/root';
      i = 1;
    }
    const pushSplit = (text: string) => {
      if (!split) {
        cur += text;
        return;
      }
      const parts = text.split(/[ \t\n]+/);
      for (let k = 0; k < parts.length; k++) {
        if (k > 0) {
          if (cur || hasQuoted) fields.push(cur);
          cur = '';
          hasQuoted = false;
        }
        cur += parts[k];
      }
    };
    while (i < word.length) {
      const c = word[i];
      if (c === '\\') {
        cur += word[i + 1] ?? '';
        i += 2;
      } else if (c === "'") {
        const j = word.indexOf("'", i + 1);
        cur += word.slice(i + 1, j);
        hasQuoted = true;
        i = j + 1;
      } else if (c === '"') {
        hasQuoted = true;
        i++;
        while (i < word.length && word[i] !== '"') {
          if (word[i] === '\\' && '"\\$`\n'.includes(word[i + 1])) {
            cur += word[i + 1];
            i += 2;
          } else if (word[i] === '$' || word[i] === '`') {
            const r = yield* this.expandDollar(word, i, io);
            cur += r.text;
            i = r.next;
          } else cur += word[i++];
        }
        i++;
      } else if (c === '$' || c === '`') {
        const r = yield* this.expandDollar(word, i, io);
        pushSplit(r.text);
        i = r.next;
      } else cur += word[i++];
    }
    if (cur || hasQuoted || !split) fields.push(cur);
    return fields;
  }

  private *expandDollar(word: string, i: number, io: Io): Generator<Effect, { text: string; next: number }, void> {
    if (word[i] === '`') {
      const j = word.indexOf('`', i + 1);
      return { text: yield* this.substitute(word.slice(i + 1, j), io), next: j + 1 };
    }
    const n = word[i + 1];
    if (n === '(' && word[i + 2] === '(') {
      const j = word.indexOf('))', i + 3);
      const expr = yield* this.expandWord(word.slice(i + 3, j), io, false);
      return { text: String(arith(expr.join(''), this.vars)), next: j + 2 };
    }
    if (n === '(') {
      const j = matchParen(word, i + 1);
      return { text: yield* this.substitute(word.slice(i + 2, j), io), next: j + 1 };
    }
    if (n === '{') {
      const j = word.indexOf('}', i + 2);
      return { text: yield* this.braceParam(word.slice(i + 2, j), io), next: j + 1 };
    }
    const special = /^[?$#@*!0-9]/.exec(word.slice(i + 1));
    if (special) return { text: this.param(special[0]), next: i + 2 };
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(word.slice(i + 1));
    if (!m) return { text: '$', next: i + 1 };
    return { text: this.vars.get(m[0]) ?? '', next: i + 1 + m[0].length };
  }

  private param(p: string): string {
    if (p === '?') return String(this.status);
    if (p === '$') return '1';
    if (p === '!') return '';
    if (p === '#') return String(this.positional.length);
    if (p === '@' || p === '*') return this.positional.join(' ');
    if (p === '0') return this.name;
    return this.positional[Number(p) - 1] ?? '';
  }

  private *braceParam(inner: string, io: Io): Generator<Effect, string, void> {
    if (inner.startsWith('#')) return String((this.vars.get(inner.slice(1)) ?? '').length);
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$])(:?[-=+?])?(.*)$/.exec(inner);
    if (!m) return '';
    const value = /^[A-Za-z_]/.test(m[1]) ? this.vars.get(m[1]) : this.param(m[1]);
    const op = m[2];
    if (!op) return value ?? '';
    const empty = op.startsWith(':') ? !value : value === undefined;
    const word = (yield* this.expandWord(m[3], io, false)).join('');
    switch (op.replace(':', '')) {
      case '-':
        return empty ? word : value!;
      case '=':
        if (empty) this.vars.set(m[1], word);
        return empty ? word : value!;
      case '+':
        return empty ? '' : word;
      default:
        if (empty) {
          io.err(`${this.name}: ${m[1]}: ${word || 'parameter not set'}\n`);
          throw new ExitSignal(1);
        }
        return value!;
    }
  }

  /** $(…): runs in a subshell; output with trailing newlines removed. */
  private *substitute(src: string, io: Io): Generator<Effect, string, void> {
    let out = '';
    const saved = { vars: new Map(this.vars), exported: new Set(this.exported), cwd: this.cwd };
    try {
      yield* this.runScript(src, { stdin: '', out: (t) => (out += t), err: io.err });
    } finally {
      Object.assign(this, saved);
    }
    return out.replace(/\n+$/, '');
  }
}

function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
    else if (s[i] === "'") i = s.indexOf("'", i + 1);
  }
  return s.length;
}

/** $(( )) with + - * / % and comparisons over integers; variables by name. */
export function arith(expr: string, vars: Map<string, string>): number {
  const src = expr.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (n) => String(Number(vars.get(n) ?? 0) || 0));
  if (!/^[\d\s+\-*/%()<>=!&|]*$/.test(src)) return 0;
  const toks = src.match(/\d+|==|!=|<=|>=|&&|\|\||[+\-*/%()<>]/g) ?? [];
  let p = 0;
  const prim = (): number => {
    const t = toks[p++];
    if (t === '(') {
      const v = orExpr();
      p++;
      return v;
    }
    if (t === '-') return -prim();
    if (t === '+') return prim();
    return Number(t ?? 0);
  };
  const mul = (): number => {
    let v = prim();
    while (toks[p] === '*' || toks[p] === '/' || toks[p] === '%') {
      const op = toks[p++];
      const r = prim();
      v = op === '*' ? v * r : r === 0 ? 0 : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const add = (): number => {
    let v = mul();
    while (toks[p] === '+' || toks[p] === '-') v = toks[p++] === '+' ? v + mul() : v - mul();
    return v;
  };
  const cmp = (): number => {
    let v = add();
    while (['<', '>', '<=', '>=', '==', '!='].includes(toks[p])) {
      const op = toks[p++];
      const r = add();
      v = Number(op === '<' ? v < r : op === '>' ? v > r : op === '<=' ? v <= r : op === '>=' ? v >= r : op === '==' ? v === r : v !== r);
    }
    return v;
  };
  const orExpr = (): number => {
    let v = cmp();
    while (toks[p] === '&&' || toks[p] === '||') {
      const op = toks[p++];
      const r = cmp();
      v = Number(op === '&&' ? v && r : v || r);
    }
    return v;
  };
  return orExpr();
}

export function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

export function fsMessage(e: unknown): string {
  if (e instanceof FsError) {
    return { ENOENT: 'nonexistent directory', EROFS: 'Read-only file system', EISDIR: 'Is a directory', ENOTDIR: 'Not a directory', EEXIST: 'File exists', ENOTEMPTY: 'Directory not empty' }[e.code];
  }
  throw e;
}
