/**
 * `-o go-template=…` / `go-template-file=…`: a documented subset of Go's text/template
 * as cli-runtime GoTemplatePrinter runs it (template name "output", the extra
 * function base64decode, missing keys print `<no value>`).
 *
 * Supported: text, {{- / -}} trimming, {{.a.b}}, {{.}}, {{$}}, $vars and `$x := …`,
 * pipelines with `|`, parentheses, string/raw-string/number/bool/nil literals,
 * if/else if/else, range (with `$i, $v :=` and else), with/else, and the functions
 * and or not len index print printf println eq ne lt le gt ge html js urlquery base64decode.
 * Not supported (parse error like an undefined function): define/template/block, slice, call.
 */
import { toCompactJson } from './json';
import { goPrint } from './jsonpath/evaluate';
import { KubectlError } from '../types';
import { lexTemplate, type Token } from './go-template-lex';
import { sprintf } from './go-printf';

export class TemplateError extends Error {}

/** A printer failure that also wrote text to stdout first (kubectl's debugging dump). */
export class PrinterError extends KubectlError {
  constructor(message: string, readonly partialStdout: string) {
    super(message);
  }
}

type Value = unknown;
const NO_VALUE = Symbol('no value');

type Arg =
  | { kind: 'field'; base: 'dot' | 'var' | 'pipe'; varName?: string; pipe?: Pipe; path: string[] }
  | { kind: 'ident'; name: string }
  | { kind: 'lit'; value: Value };
interface Cmd { args: Arg[]; text: string; pos: number }
interface Pipe { decl: string[]; cmds: Cmd[]; text: string; pos: number }
type TNode =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe }
  | { t: 'if' | 'with'; pipe: Pipe; list: TNode[]; elseList: TNode[] }
  | { t: 'range'; pipe: Pipe; list: TNode[]; elseList: TNode[] };

const FUNCS = new Set(['and', 'or', 'not', 'len', 'index', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'html', 'js', 'urlquery', 'base64decode']);

/** Runs a template over a JSON value; throws KubectlError with kubectl's messages. */
export function printGoTemplate(template: string, data: Value, opts: { allowMissingKeys?: boolean } = {}): string {
  let nodes: TNode[];
  try {
    nodes = parseTemplate(template);
  } catch (e) {
    if (e instanceof TemplateError) throw new KubectlError(`error parsing template ${template}, template: output:${e.message}`);
    throw e;
  }
  const ex = new Executor(template, opts.allowMissingKeys ?? true);
  try {
    ex.run(nodes, data, new Map([['$', data]]));
    return ex.out.join('');
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    const msg = `template: output:${e.message}`;
    const dump =
      `Error executing template: ${msg}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t${toCompactJson(data)}\n` +
      `\tobject given to template engine was:\n\t\t${goPrint(data)}\n\n`;
    throw new PrinterError(`error executing template ${JSON.stringify(template)}: ${msg}`, ex.out.join('') + dump);
  }
}

// ---------------------------------------------------------------- parser

function parseTemplate(src: string): TNode[] {
  const tokens = lexTemplate(src, TemplateError);
  let i = 0;
  const parseList = (terminators: string[]): { list: TNode[]; end: string; endTok?: Token } => {
    const list: TNode[] = [];
    while (i < tokens.length) {
      const tok = tokens[i++];
      if (tok.type === 'text') { list.push({ t: 'text', text: tok.text }); continue; }
      const words = tok.words;
      const kw = words[0]?.text;
      if (kw === 'end' || kw === 'else') {
        if (!terminators.includes(kw)) throw new TemplateError(`${tok.line}: unexpected {{${kw}}}`);
        return { list, end: kw, endTok: tok };
      }
      if (kw === 'if' || kw === 'with' || kw === 'range') { list.push(parseControl(kw, tok)); continue; }
      if (kw === 'define' || kw === 'template' || kw === 'block') throw new TemplateError(`${tok.line}: function "${kw}" not defined`);
      list.push({ t: 'action', pipe: parsePipe(tok.words, tok, false) });
    }
    if (terminators.length) throw new TemplateError(`${tokens.length ? src.split('\n').length : 1}: unexpected EOF`);
    return { list, end: 'eof' };
  };
  const parseControl = (kw: 'if' | 'with' | 'range', tok: Token & { type: 'action' }): TNode => {
    const pipe = parsePipe(tok.words.slice(1), tok, kw === 'range');
    const body = parseList(['end', 'else']);
    let elseList: TNode[] = [];
    if (body.end === 'else') {
      const elseWords = body.endTok!.type === 'action' ? body.endTok!.words : [];
      if (elseWords.length > 1 && (elseWords[1].text === 'if' || elseWords[1].text === 'with')) {
        // {{else if …}} is sugar for {{else}}{{if …}}…{{end}}{{end}}
        const nested = parseControl(elseWords[1].text as 'if' | 'with', { ...body.endTok!, words: elseWords.slice(1) } as Token & { type: 'action' });
        elseList = [nested];
      } else elseList = parseList(['end']).list;
    }
    return { t: kw, pipe, list: body.list, elseList };
  };
  return parseList([]).list;
}

function parsePipe(words: { text: string; kind: string; pos: number }[], tok: Token & { type: 'action' }, allowTwoVars: boolean): Pipe {
  const decl: string[] = [];
  let w = words;
  const declEnd = w.findIndex((x) => x.text === ':=' || x.text === '=');
  if (declEnd > 0) {
    for (const x of w.slice(0, declEnd)) if (x.kind === 'var') decl.push(x.text);
    if (decl.length > (allowTwoVars ? 2 : 1)) throw new TemplateError(`${tok.line}: too many declarations in command`);
    w = w.slice(declEnd + 1);
  }
  if (w.length === 0) throw new TemplateError(`${tok.line}: missing value for command`);
  const cmds: Cmd[] = [];
  let cur: typeof w = [];
  const flush = () => {
    if (cur.length === 0) throw new TemplateError(`${tok.line}: missing value for command`);
    cmds.push({ args: cur.map((x) => parseArg(x, tok)), text: cur.map((x) => x.text).join(' '), pos: cur[0].pos });
    cur = [];
  };
  for (const x of w) {
    if (x.text === '|' && x.kind === 'op') flush();
    else cur.push(x);
  }
  flush();
  return { decl, cmds, text: w.map((x) => x.text).join(' '), pos: w[0].pos };
}

function parseArg(x: { text: string; kind: string; pos: number; inner?: unknown }, tok: Token & { type: 'action' }): Arg {
  switch (x.kind) {
    case 'string': return { kind: 'lit', value: x.inner as string };
    case 'number': return { kind: 'lit', value: Number(x.text) };
    case 'field': return { kind: 'field', base: 'dot', path: x.text === '.' ? [] : x.text.slice(1).split('.') };
    case 'var': {
      const [name, ...path] = x.text.split('.');
      return { kind: 'field', base: 'var', varName: name, path };
    }
    case 'paren': {
      const inner = x.inner as { words: { text: string; kind: string; pos: number }[]; path: string[] };
      return { kind: 'field', base: 'pipe', pipe: parsePipe(inner.words, tok, false), path: inner.path };
    }
    default:
      if (x.text === 'true' || x.text === 'false') return { kind: 'lit', value: x.text === 'true' };
      if (x.text === 'nil') return { kind: 'lit', value: null };
      if (!FUNCS.has(x.text)) throw new TemplateError(`${tok.line}: function "${x.text}" not defined`);
      return { kind: 'ident', name: x.text };
  }
}

// ---------------------------------------------------------------- executor

class Executor {
  out: string[] = [];
  private steps = 0;
  constructor(private readonly src: string, private readonly allowMissing: boolean) {}

  run(nodes: TNode[], dot: Value, vars: Map<string, Value>): void {
    for (const n of nodes) {
      if (++this.steps > 1_000_000) throw new TemplateError('1:1: template execution too long');
      if (n.t === 'text') this.out.push(n.text);
      else if (n.t === 'action') {
        const v = this.pipe(n.pipe, dot, vars);
        if (n.pipe.decl.length === 0) this.out.push(printValue(v));
      } else if (n.t === 'if' || n.t === 'with') {
        const v = this.pipe(n.pipe, dot, vars);
        if (truth(v)) this.run(n.list, n.t === 'with' ? v : dot, new Map(vars));
        else this.run(n.elseList, dot, new Map(vars));
      } else this.range(n as TNode & { t: 'range' }, dot, vars);
    }
  }

  private range(n: TNode & { t: 'range' }, dot: Value, vars: Map<string, Value>): void {
    const v = this.pipe({ ...n.pipe, decl: [] }, dot, vars);
    const entries: [Value, Value][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : isMap(v) ? Object.keys(v).sort().map((k) => [k, v[k]]) : [];
    if (v !== null && v !== undefined && v !== NO_VALUE && !Array.isArray(v) && !isMap(v)) {
      if (typeof v === 'number' && Number.isInteger(v)) for (let i = 0; i < v; i++) entries.push([i, i]);
      else throw this.err(n.pipe, `range can't iterate over ${printValue(v)}`);
    }
    if (entries.length === 0) return this.run(n.elseList, dot, new Map(vars));
    for (const [k, item] of entries) {
      const scope = new Map(vars);
      if (n.pipe.decl.length === 1) scope.set(n.pipe.decl[0], item);
      if (n.pipe.decl.length === 2) { scope.set(n.pipe.decl[0], k); scope.set(n.pipe.decl[1], item); }
      this.run(n.list, item, scope);
    }
  }

  private pipe(p: Pipe, dot: Value, vars: Map<string, Value>): Value {
    let v: Value = NO_VALUE;
    p.cmds.forEach((c, i) => { v = this.cmd(c, dot, vars, i === 0 ? NO_VALUE : v, i > 0); });
    for (const d of p.decl) vars.set(d, v);
    return v;
  }

  private cmd(c: Cmd, dot: Value, vars: Map<string, Value>, piped: Value, hasPiped: boolean): Value {
    const first = c.args[0];
    if (first.kind === 'ident') {
      const args = c.args.slice(1).map((a) => this.arg(a, dot, vars, c));
      if (hasPiped) args.push(piped);
      return this.call(first.name, args, c);
    }
    if (c.args.length > 1 || hasPiped) throw this.err(c, `can't give argument to non-function ${c.args[0].kind === 'lit' ? printValue((c.args[0] as { value: Value }).value) : c.text.split(' ')[0]}`);
    return this.arg(first, dot, vars, c);
  }

  private arg(a: Arg, dot: Value, vars: Map<string, Value>, c: Cmd): Value {
    if (a.kind === 'lit') return a.value;
    if (a.kind === 'ident') return this.call(a.name, [], c);
    let base: Value = dot;
    if (a.base === 'var') {
      if (!vars.has(a.varName!)) throw new TemplateError(`1: undefined variable: ${a.varName}`);
      base = vars.get(a.varName!);
    } else if (a.base === 'pipe') base = this.pipe(a.pipe!, dot, vars);
    for (const key of a.path) {
      if (base === NO_VALUE || base === undefined || base === null) return NO_VALUE;
      if (!isMap(base)) throw this.err(c, `can't evaluate field ${key} in type ${goType(base)}`);
      if (!Object.prototype.hasOwnProperty.call(base, key)) {
        if (!this.allowMissing) throw this.err(c, `map has no entry for key "${key}"`);
        return NO_VALUE;
      }
      base = base[key];
    }
    return base;
  }

  private call(name: string, args: Value[], c: Cmd): Value {
    const v = args.map((x) => (x === NO_VALUE ? null : x));
    try {
      return callBuiltin(name, v);
    } catch (e) {
      if (e instanceof TemplateError) throw this.err(c, `error calling ${name}: ${e.message}`);
      throw e;
    }
  }

  private err(c: { pos: number; text: string }, msg: string): TemplateError {
    const before = this.src.slice(0, c.pos);
    const line = before.split('\n').length;
    const col = c.pos - (before.lastIndexOf('\n') + 1);
    return new TemplateError(`${line}:${col}: executing "output" at <${c.text}>: ${msg}`);
  }
}

function callBuiltin(name: string, v: Value[]): Value {
  switch (name) {
    case 'and': return v.find((x) => !truth(x)) ?? v[v.length - 1];
    case 'or': return v.find((x) => truth(x)) ?? v[v.length - 1];
    case 'not': return !truth(v[0]);
    case 'len':
      if (typeof v[0] === 'string' || Array.isArray(v[0])) return (v[0] as string).length;
      if (isMap(v[0])) return Object.keys(v[0]).length;
      if (v[0] === null) throw new TemplateError('reflect: call of reflect.Value.Type on zero Value');
      throw new TemplateError(`len of type ${goType(v[0])}`);
    case 'index': return indexValue(v[0], v.slice(1));
    case 'print': return goSprint(v);
    case 'println': return v.map(printValue).join(' ') + '\n';
    case 'printf': return sprintf(String(v[0] ?? ''), v.slice(1), printValue);
    case 'eq': return v.slice(1).some((x) => cmp(v[0], x, 'eq') === 0);
    case 'ne': return cmp(v[0], v[1], 'ne') !== 0;
    case 'lt': return cmp(v[0], v[1], 'lt') < 0;
    case 'le': return cmp(v[0], v[1], 'le') <= 0;
    case 'gt': return cmp(v[0], v[1], 'gt') > 0;
    case 'ge': return cmp(v[0], v[1], 'ge') >= 0;
    case 'html': return goSprint(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
    case 'js': return goSprint(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/"/g, '\\"').replace(/</g, '\\u003C').replace(/>/g, '\\u003E');
    case 'urlquery': return encodeURIComponent(goSprint(v)).replace(/%20/g, '+');
    case 'base64decode': return base64Decode(String(v[0] ?? ''));
  }
  throw new TemplateError(`function "${name}" not defined`);
}

function indexValue(item: Value, keys: Value[]): Value {
  let cur = item;
  for (const k of keys) {
    if (Array.isArray(cur)) {
      if (typeof k !== 'number') throw new TemplateError(`cannot index slice/array with type ${goType(k)}`);
      if (k < 0 || k >= cur.length) throw new TemplateError(`error calling index: index out of range: ${k}`);
      cur = cur[k];
    } else if (isMap(cur)) {
      if (typeof k !== 'string') throw new TemplateError(`value has type ${goType(k)}; should be string`);
      cur = Object.prototype.hasOwnProperty.call(cur, k) ? cur[k] : NO_VALUE;
    } else if (cur === null) throw new TemplateError('index of untyped nil');
    else throw new TemplateError(`can't index item of type ${goType(cur)}`);
  }
  return cur;
}

/** fmt.Sprint: a space between operands when neither is a string. */
function goSprint(v: Value[]): string {
  let s = '';
  v.forEach((x, i) => {
    if (i > 0 && typeof x !== 'string' && typeof v[i - 1] !== 'string') s += ' ';
    s += printValue(x);
  });
  return s;
}

function cmp(a: Value, b: Value, op: string): number {
  const ka = basicKind(a), kb = basicKind(b);
  if (ka === 'invalid' || kb === 'invalid') throw new TemplateError(op === 'eq' || op === 'ne' ? 'incompatible types for comparison' : 'invalid type for comparison');
  if (ka !== kb) throw new TemplateError('incompatible types for comparison');
  if (ka === 'bool' && op !== 'eq' && op !== 'ne') throw new TemplateError('invalid type for comparison');
  const x = a as number | string, y = b as number | string;
  return x < y ? -1 : x > y ? 1 : 0;
}

function basicKind(v: Value): string {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'invalid';
}

function truth(v: Value): boolean {
  if (v === NO_VALUE || v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

function isMap(v: Value): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function goType(v: Value): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  return 'interface {}';
}

function printValue(v: Value): string {
  if (v === NO_VALUE) return '<no value>';
  return goPrint(v);
}

function base64Decode(s: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = s.replace(/=+$/, '');
  const bytes: number[] = [];
  let buf = 0, bits = 0;
  for (const ch of clean) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new TemplateError('illegal base64 data at input byte 0');
    buf = (buf << 6) | idx;
    bits += 6;
    if (bits >= 8) { bits -= 8; bytes.push((buf >> bits) & 0xff); }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
