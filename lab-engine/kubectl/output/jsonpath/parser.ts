/**
 * Parser for kubectl's JSONPath dialect, a port of client-go util/jsonpath/parser.go
 * (same node kinds, same error messages). Templates are text with `{…}` actions.
 */

export type Node =
  | { type: 'text'; text: string }
  | { type: 'list'; nodes: Node[] }
  | { type: 'field'; name: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: ArrayParam[] }
  | { type: 'filter'; left: Node; right: Node; op: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: Node[] };

export interface ArrayParam {
  value: number;
  known: boolean;
  derived: boolean;
}

export class JsonPathParseError extends Error {}

const EOF = '';

/** Parses a whole template; the root is a list of text and action-list nodes. */
export function parseJsonPath(text: string): Node & { type: 'list' } {
  const p = new Parser(text);
  const root: Node & { type: 'list' } = { type: 'list', nodes: [] };
  p.parseText(root);
  return root;
}

const isSpace = (r: string) => r === ' ' || r === '\t';
const isEndOfLine = (r: string) => r === '\r' || r === '\n';
const isAlphaNumeric = (r: string) => r === '_' || /[\p{L}\p{Nd}]/u.test(r);
const isDigit = (r: string) => r >= '0' && r <= '9';

function isTerminator(r: string): boolean {
  return isSpace(r) || isEndOfLine(r) || r === EOF || '.,[]$@{}'.includes(r);
}

class Parser {
  pos = 0;
  start = 0;
  private depth = 0;
  constructor(readonly input: string) {}

  next(): string {
    if (this.pos >= this.input.length) {
      this.pos = this.input.length + 1; // so backup() after EOF is harmless
      return EOF;
    }
    return this.input[this.pos++];
  }
  backup(): void {
    this.pos--;
  }
  peek(): string {
    return this.pos < this.input.length ? this.input[this.pos] : EOF;
  }
  consumeText(): string {
    const end = Math.min(this.pos, this.input.length);
    const s = this.input.slice(this.start, end);
    this.start = end;
    return s;
  }
  rest(): string {
    return this.input.slice(this.pos);
  }

  parseText(root: Node & { type: 'list' }): void {
    for (let guard = 0; guard <= this.input.length + 1; guard++) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) root.nodes.push({ type: 'text', text: this.consumeText() });
        this.pos += 1;
        this.consumeText();
        const list: Node & { type: 'list' } = { type: 'list', nodes: [] };
        root.nodes.push(list);
        this.parseInsideAction(list);
        continue;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start && this.start < this.input.length) root.nodes.push({ type: 'text', text: this.consumeText() });
  }

  /** Parses until the closing `}` of the current action. */
  parseInsideAction(cur: Node & { type: 'list' }): void {
    if (++this.depth > 10_000) throw new JsonPathParseError('template too complex');
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consumeText();
        return;
      }
      if (rest.startsWith('[?(')) { this.parseFilter(cur); continue; }
      if (rest.startsWith('..')) { this.parseRecursive(cur); continue; }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathParseError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') { this.consumeText(); continue; }
      if (r === '[') { this.parseArray(cur); continue; }
      if (r === '"' || r === "'") { this.parseQuote(cur, r); continue; }
      if (r === '.') { this.parseField(cur); continue; }
      if (r === '+' || r === '-' || isDigit(r)) { this.backup(); this.parseNumber(cur); continue; }
      if (isAlphaNumeric(r)) { this.backup(); this.parseIdentifier(cur); continue; }
      throw new JsonPathParseError(`unrecognized character in action: ${goRuneDescr(r)}`);
    }
  }

  parseIdentifier(cur: Node & { type: 'list' }): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) { this.backup(); break; }
    }
    const value = this.consumeText();
    // parser.go isBool: only the literal words.
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  parseRecursive(cur: Node & { type: 'list' }): void {
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  parseField(cur: Node & { type: 'list' }): void {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === '\\') { this.next(); continue; }
      if (isTerminator(r)) { this.backup(); break; }
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replace(/\\/g, '') });
  }

  parseNumber(cur: Node & { type: 'list' }): void {
    const r0 = this.peek();
    if (r0 === '+' || r0 === '-') this.next();
    for (;;) {
      const r = this.next();
      if (r !== '.' && !isDigit(r)) { this.backup(); break; }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new JsonPathParseError(`cannot parse number ${value}`);
  }

  parseQuote(cur: Node & { type: 'list' }, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated quoted string');
      if (r === '\\') {
        const n = this.next();
        if (n !== EOF && n !== '\n') continue;
        break;
      }
      if (r === end) break;
    }
    const value = this.consumeText();
    cur.nodes.push({ type: 'text', text: unquoteExtend(value) });
  }

  parseArray(cur: Node & { type: 'list' }): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const strs = text.split(',');
    if (strs.length > 1) {
      const nodes = strs.map((s) => parseAction(`[${s.trim()}]`));
      cur.nodes.push({ type: 'union', nodes });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      const sub = parseAction(`.${dict[1]}`) as Node & { type: 'list' };
      for (const n of (sub.nodes[0] as Node & { type: 'list' }).nodes) cur.nodes.push(n);
      return;
    }
    const m = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    cur.nodes.push({ type: 'array', params: sliceParams([m[1] ?? '', m[2] ?? '', m[3] ?? '']) });
  }

  parseFilter(cur: Node & { type: 'list' }): void {
    this.pos += 3;
    this.consumeText();
    let begin = false, end = false, pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) { begin = true; pair = r; continue; }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new JsonPathParseError('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, op: 'exists' });
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] });
  }
}

function sliceParams(value: string[]): ArrayParam[] {
  const params: ArrayParam[] = [];
  for (let i = 0; i < 3; i++) {
    let v = value[i];
    if (v !== '') {
      if (i > 0) v = v.slice(1);
      if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false });
      else {
        if (!/^[+-]?\d+$/.test(v)) throw new JsonPathParseError(`array index ${v} is not a number`);
        params.push({ value: Number(v), known: true, derived: false });
      }
    } else if (i === 1) params.push({ value: params[0].value + 1, known: true, derived: true });
    else params.push({ value: 0, known: false, derived: false });
  }
  return params;
}

function parseAction(action: string): Node {
  return parseJsonPath(`{${action}}`);
}

/** client-go UnquoteExtend: Go strconv.Unquote, also accepting single-quoted strings. */
function unquoteExtend(s: string): string {
  if (s.length < 2) throw new JsonPathParseError(`unquote string ${s} error invalid syntax`);
  const q = s[0];
  if (q !== s[s.length - 1]) throw new JsonPathParseError(`unquote string ${s} error invalid syntax`);
  const body = s.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e: string) => {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    if (e in simple) return simple[e];
    if (e[0] === 'x' || e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    throw new JsonPathParseError(`unquote string ${s} error invalid syntax`);
  });
}

/** Go's %#U: `U+0028 '('`. */
function goRuneDescr(r: string): string {
  const cp = r.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}
