/**
 * A small POSIX-sh parser for container commands (`sh -c '…'`): lists with
 * `;` `&&` `||` `&` and newlines, pipelines, redirections, `while`/`until`/
 * `for`/`if`/`case`-less compound commands, `{ }` and `( )` groups, variable
 * assignments. Words keep their quoting; expansion happens when run.
 */
export type Node =
  | { type: 'list'; items: { node: Node; op: ';' | '&&' | '||' }[] }
  | { type: 'pipeline'; cmds: Node[]; negate: boolean }
  | { type: 'simple'; assigns: string[]; words: string[]; redirs: Redir[] }
  | { type: 'while'; until: boolean; cond: Node; body: Node; redirs: Redir[] }
  | { type: 'for'; name: string; items: string[] | null; body: Node; redirs: Redir[] }
  | { type: 'if'; branches: { cond: Node; body: Node }[]; otherwise?: Node; redirs: Redir[] }
  | { type: 'group'; body: Node; subshell: boolean; redirs: Redir[] };

export interface Redir {
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  target: string;
}

export class ShellSyntaxError extends Error {}

type Tok = { kind: 'word'; text: string } | { kind: 'op'; text: string } | { kind: 'nl' };

const OPS = ['&&', '||', ';;', '>>', '>&', ';', '&', '|', '(', ')', '<', '>'];

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\n') {
      out.push({ kind: 'nl' });
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    // fd-prefixed redirection: 2>, 2>>, 2>&1
    const fdRedir = /^(\d)(>>|>&|>|<)/.exec(src.slice(i));
    if (fdRedir && (out.length === 0 || i === 0 || /[\s;|&]/.test(src[i - 1]))) {
      out.push({ kind: 'op', text: fdRedir[0] });
      i += fdRedir[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ kind: 'op', text: op });
      i += op.length;
      continue;
    }
    const start = i;
    i = scanWord(src, i);
    out.push({ kind: 'word', text: src.slice(start, i) });
  }
  return out;
}

function scanWord(src: string, i: number): number {
  let depth = 0;
  while (i < src.length) {
    const c = src[i];
    if (depth === 0 && (/[\s;&|<>()]/.test(c) || c === '\n')) break;
    if (c === '\\') i += 2;
    else if (c === "'") {
      const j = src.indexOf("'", i + 1);
      if (j < 0) throw new ShellSyntaxError('Unterminated quoted string');
      i = j + 1;
    } else if (c === '"') i = scanDouble(src, i + 1);
    else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j < 0) throw new ShellSyntaxError('Unterminated quoted string');
      i = j + 1;
    } else if (c === '$' && src[i + 1] === '(') {
      depth++;
      i += 2;
    } else if (c === ')' && depth > 0) {
      depth--;
      i++;
    } else if (c === '(' && depth > 0) {
      depth++;
      i++;
    } else i++;
  }
  return i;
}

function scanDouble(src: string, i: number): number {
  while (i < src.length) {
    if (src[i] === '\\') i += 2;
    else if (src[i] === '"') return i + 1;
    else i++;
  }
  throw new ShellSyntaxError('Unterminated quoted string');
}

const RESERVED = new Set(['do', 'done', 'then', 'else', 'elif', 'fi', '}']);

class Parser {
  private p = 0;
  constructor(private readonly toks: Tok[]) {}

  parseAll(): Node {
    const n = this.list(new Set());
    if (this.p < this.toks.length) {
      const t = this.toks[this.p];
      throw new ShellSyntaxError(`syntax error: unexpected "${t.kind === 'nl' ? 'newline' : t.text}"`);
    }
    return n;
  }

  private peekWord(): string | undefined {
    const t = this.toks[this.p];
    return t?.kind === 'word' ? t.text : undefined;
  }

  private skipNl(): void {
    while (this.toks[this.p]?.kind === 'nl') this.p++;
  }

  private expectWord(w: string): void {
    this.skipSeps();
    if (this.peekWord() !== w) {
      const t = this.toks[this.p];
      const got = !t ? 'end of file' : `"${t.kind === 'nl' ? 'newline' : t.text}"`;
      throw new ShellSyntaxError(`syntax error: unexpected ${got} (expecting "${w}")`);
    }
    this.p++;
  }

  private skipSeps(): void {
    for (let t = this.toks[this.p]; t && (t.kind === 'nl' || (t.kind === 'op' && t.text === ';')); t = this.toks[this.p]) this.p++;
  }

  list(stop: Set<string>): Node {
    const items: { node: Node; op: ';' | '&&' | '||' }[] = [];
    let op: ';' | '&&' | '||' = ';';
    for (let guard = 0; guard < 10_000; guard++) {
      this.skipSeps();
      const t = this.toks[this.p];
      if (!t || (t.kind === 'op' && t.text === ')') || (t.kind === 'word' && (stop.has(t.text) || (RESERVED.has(t.text) && stop.size)))) break;
      items.push({ node: this.pipeline(), op });
      const next = this.toks[this.p];
      if (next?.kind === 'op' && (next.text === '&&' || next.text === '||')) {
        op = next.text;
        this.p++;
        while (this.toks[this.p]?.kind === 'nl') this.p++;
      } else {
        op = ';';
        if (next?.kind === 'op' && (next.text === ';' || next.text === '&')) this.p++;
      }
    }
    return { type: 'list', items };
  }

  private pipeline(): Node {
    let negate = false;
    if (this.peekWord() === '!') {
      negate = true;
      this.p++;
    }
    const cmds = [this.command()];
    while (this.toks[this.p]?.kind === 'op' && (this.toks[this.p] as { text: string }).text === '|') {
      this.p++;
      this.skipNl();
      cmds.push(this.command());
    }
    return cmds.length === 1 && !negate ? cmds[0] : { type: 'pipeline', cmds, negate };
  }

  private command(): Node {
    const w = this.peekWord();
    const t = this.toks[this.p];
    if (w === 'while' || w === 'until') return this.whileCmd(w === 'until');
    if (w === 'for') return this.forCmd();
    if (w === 'if') return this.ifCmd();
    if (w === '{') {
      this.p++;
      const body = this.list(new Set(['}']));
      this.expectWord('}');
      return { type: 'group', body, subshell: false, redirs: this.redirs() };
    }
    if (t?.kind === 'op' && t.text === '(') {
      this.p++;
      const body = this.list(new Set());
      const close = this.toks[this.p];
      if (!(close?.kind === 'op' && close.text === ')')) throw new ShellSyntaxError('syntax error: missing ")"');
      this.p++;
      return { type: 'group', body, subshell: true, redirs: this.redirs() };
    }
    return this.simple();
  }

  private whileCmd(until: boolean): Node {
    this.p++;
    const cond = this.list(new Set(['do']));
    this.expectWord('do');
    const body = this.list(new Set(['done']));
    this.expectWord('done');
    return { type: 'while', until, cond, body, redirs: this.redirs() };
  }

  private forCmd(): Node {
    this.p++;
    const name = this.peekWord();
    if (!name) throw new ShellSyntaxError('syntax error: bad for loop variable');
    this.p++;
    let items: string[] | null = null;
    this.skipNl();
    if (this.peekWord() === 'in') {
      this.p++;
      items = [];
      while (this.toks[this.p]?.kind === 'word') items.push((this.toks[this.p++] as { text: string }).text);
    }
    this.expectWord('do');
    const body = this.list(new Set(['done']));
    this.expectWord('done');
    return { type: 'for', name, items, body, redirs: this.redirs() };
  }

  private ifCmd(): Node {
    this.p++;
    const branches: { cond: Node; body: Node }[] = [];
    let otherwise: Node | undefined;
    const cond = this.list(new Set(['then']));
    this.expectWord('then');
    branches.push({ cond, body: this.list(new Set(['elif', 'else', 'fi'])) });
    for (let guard = 0; guard < 1000; guard++) {
      this.skipSeps();
      const w = this.peekWord();
      if (w === 'elif') {
        this.p++;
        const c = this.list(new Set(['then']));
        this.expectWord('then');
        branches.push({ cond: c, body: this.list(new Set(['elif', 'else', 'fi'])) });
      } else if (w === 'else') {
        this.p++;
        otherwise = this.list(new Set(['fi']));
      } else break;
    }
    this.expectWord('fi');
    return { type: 'if', branches, otherwise, redirs: this.redirs() };
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    for (let guard = 0; guard < 100; guard++) {
      const t = this.toks[this.p];
      if (t?.kind !== 'op') break;
      const m = /^(\d?)(>>|>&|>|<)$/.exec(t.text);
      if (!m) break;
      this.p++;
      const target = this.toks[this.p];
      if (target?.kind !== 'word') throw new ShellSyntaxError('syntax error: unexpected redirection');
      this.p++;
      const op = m[2] as Redir['op'];
      out.push({ fd: m[1] ? Number(m[1]) : op === '<' ? 0 : 1, op, target: target.text });
    }
    return out;
  }

  private simple(): Node {
    const assigns: string[] = [];
    const words: string[] = [];
    const redirs: Redir[] = [];
    for (let guard = 0; guard < 10_000; guard++) {
      const t = this.toks[this.p];
      if (!t || t.kind === 'nl') break;
      if (t.kind === 'op') {
        if (/^\d?(>>|>&|>|<)$/.test(t.text)) {
          redirs.push(...this.redirs());
          continue;
        }
        break;
      }
      if (!words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.text)) assigns.push(t.text);
      else words.push(t.text);
      this.p++;
    }
    if (!words.length && !assigns.length && !redirs.length) {
      const bad = this.toks[this.p];
      throw new ShellSyntaxError(`syntax error: unexpected "${bad ? (bad.kind === 'nl' ? 'newline' : bad.text) : 'end of file'}"`);
    }
    return { type: 'simple', assigns, words, redirs };
  }
}

export function parseShell(src: string): Node {
  return new Parser(tokenize(src)).parseAll();
}
