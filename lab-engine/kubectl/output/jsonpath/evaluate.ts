/**
 * Evaluator for kubectl's JSONPath dialect: client-go util/jsonpath/jsonpath.go
 * (FindResults, walk, evalField/Array/Filter/Wildcard/Recursive/Union, PrintResults).
 * Range/end blocks are evaluated structurally; the result is the same as the
 * upstream state machine for well-formed templates.
 */
import { toCompactJson, toJson } from '../json';
import { type Node, parseJsonPath } from './parser';

export class JsonPathExecError extends Error {}

export interface JsonPathOptions {
  allowMissingKeys?: boolean;
  /** jsonpath-as-json: print each result list as an indented JSON array. */
  outputJson?: boolean;
}

type Value = unknown;
const MAX_RESULTS = 1_000_000;

/** Executes a parsed template against data; returns the printed text. */
export function executeJsonPath(root: Node & { type: 'list' }, data: unknown, opts: JsonPathOptions = {}): string {
  const ev = new Evaluator(opts.allowMissingKeys ?? true);
  const results = ev.findResults(root.nodes, data);
  return results.map((r) => printResults(r, opts.outputJson ?? false)).join('');
}

/** Convenience: parse + execute. Throws JsonPathParseError / JsonPathExecError. */
export function jsonPath(template: string, data: unknown, opts: JsonPathOptions = {}): string {
  return executeJsonPath(parseJsonPath(template), data, opts);
}

/** Evaluates one expression to its values (custom-columns, sort-by). */
export function findValues(root: Node & { type: 'list' }, data: unknown, allowMissingKeys = true): Value[][] {
  return new Evaluator(allowMissingKeys).findResults(root.nodes, data);
}

class Evaluator {
  private produced = 0;
  constructor(private readonly allowMissingKeys: boolean) {}

  findResults(nodes: Node[], data: unknown): Value[][] {
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const rangeAt = node.type === 'list' ? node.nodes.findIndex((n) => n.type === 'identifier' && n.name === 'range') : -1;
      if (rangeAt >= 0 && node.type === 'list') {
        const end = this.matchingEnd(nodes, i);
        const items = this.walkList([data], node.nodes.filter((_, k) => k !== rangeAt));
        for (const item of items) full.push(...this.findResults(nodes.slice(i + 1, end), item));
        i = end; // skip the body and the {end}
        continue;
      }
      if (node.type === 'list' && node.nodes.some((n) => n.type === 'identifier' && n.name === 'end')) {
        throw new JsonPathExecError('not in range, nothing to end');
      }
      full.push(this.walk([data], node));
    }
    return full;
  }

  /** Index of the {end} closing the range at `start` (or nodes.length when unclosed). */
  private matchingEnd(nodes: Node[], start: number): number {
    let depth = 0;
    for (let k = start + 1; k < nodes.length; k++) {
      const n = nodes[k];
      if (n.type !== 'list') continue;
      if (n.nodes.some((x) => x.type === 'identifier' && x.name === 'range')) depth++;
      if (n.nodes.some((x) => x.type === 'identifier' && x.name === 'end')) {
        if (depth === 0) return k;
        depth--;
      }
    }
    return nodes.length;
  }

  private count(n: number): void {
    this.produced += n;
    if (this.produced > MAX_RESULTS) throw new JsonPathExecError('jsonpath produced too many results');
  }

  walkList(input: Value[], nodes: Node[]): Value[] {
    let cur = input;
    for (const n of nodes) cur = this.walk(cur, n);
    return cur;
  }

  walk(input: Value[], node: Node): Value[] {
    switch (node.type) {
      case 'list': return this.walkList(input, node.nodes);
      case 'text': return [node.text];
      case 'field': return this.evalField(input, node.name);
      case 'array': return this.evalArray(input, node.params);
      case 'filter': return this.evalFilter(input, node);
      case 'int': case 'float': case 'bool': return input.map(() => node.value);
      case 'wildcard': return this.evalWildcard(input);
      case 'recursive': return this.evalRecursive(input);
      case 'union': return node.nodes.flatMap((n) => this.walk(input, n));
      case 'identifier':
        if (node.name === 'range' || node.name === 'end') return input;
        throw new JsonPathExecError(`unrecognized identifier ${node.name}`);
    }
  }

  private evalField(input: Value[], name: string): Value[] {
    if (input.length === 0) return [];
    const results: Value[] = [];
    for (const v of input) {
      if (isObject(v) && Object.prototype.hasOwnProperty.call(v, name)) results.push(v[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathExecError(`${name} is not found`);
    this.count(results.length);
    return results;
  }

  private evalArray(input: Value[], params: { value: number; known: boolean; derived: boolean }[]): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goTypeName(v)} is not array or slice`);
      const len = v.length;
      let start = params[0].known ? params[0].value : 0;
      if (start < 0) start += len;
      let end = params[1].known ? params[1].value : len;
      if (end < 0 || (end === 0 && params[1].derived)) end += len;
      if (end === start) return results;
      if (start >= len || start < 0) throw new JsonPathExecError(`array index out of bounds: index ${start}, length ${len}`);
      if (end > len || end < 0) throw new JsonPathExecError(`array index out of bounds: index ${end - 1}, length ${len}`);
      if (start > end) throw new JsonPathExecError(`starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new JsonPathExecError('step must be > 0');
        step = params[2].value;
      }
      for (let i = start; i < end; i += step) results.push(v[i]);
    }
    this.count(results.length);
    return results;
  }

  private evalFilter(input: Value[], node: Node & { type: 'filter' }): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goPrint(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        if (node.op === 'exists') {
          let lefts: Value[] = [];
          try { lefts = this.walk([item], node.left); } catch { lefts = []; }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.walk([item], node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.op)) results.push(item);
      }
    }
    return results;
  }

  private evalWildcard(input: Value[]): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (Array.isArray(v)) results.push(...v);
      else if (isObject(v)) for (const k of Object.keys(v).sort()) results.push(v[k]);
    }
    this.count(results.length);
    return results;
  }

  private evalRecursive(input: Value[]): Value[] {
    const out: Value[] = [];
    const visit = (v: Value, depth: number) => {
      if (depth > 1000) throw new JsonPathExecError('jsonpath recursion too deep');
      let children: Value[] = [];
      if (Array.isArray(v)) children = v;
      else if (isObject(v)) children = Object.keys(v).sort().map((k) => v[k]);
      else if (typeof v === 'string' && v.length > 0) { out.push(v); return; }
      if (children.length === 0) return;
      out.push(v);
      this.count(1);
      for (const c of children) visit(c, depth + 1);
    };
    for (const v of input) visit(v, 0);
    return out;
  }
}

function isObject(v: Value): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** text/template's eq/lt/… on basic kinds: mismatched kinds are an error. */
function compare(l: Value, r: Value, op: string): boolean {
  if (typeof l !== typeof r || (typeof l !== 'string' && typeof l !== 'number' && typeof l !== 'boolean')) {
    if (op === '==' || op === '!=') {
      if (typeof l !== typeof r) throw new JsonPathExecError('incompatible types for comparison');
    } else throw new JsonPathExecError('incompatible types for comparison');
  }
  const a = l as number | string, b = r as number | string;
  switch (op) {
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
  }
  throw new JsonPathExecError(`unrecognized filter operator ${op}`);
}

/** PrintResults: values joined with one space; maps/lists as compact JSON, scalars as text. */
function printResults(results: Value[], outputJson: boolean): string {
  if (outputJson) return toJson(results, { sortKeys: true });
  return results
    .map((r) => {
      if (r === null || r === undefined) return 'null';
      if (typeof r === 'object') return toCompactJson(r);
      if (typeof r === 'number') return goPrint(r);
      return String(r);
    })
    .join(' ');
}

/** fmt.Sprint of a JSON-decoded value (int64 / float64 / bool / string). */
export function goPrint(v: Value): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) < 1e21) return v.toFixed(0);
    const s = v.toExponential();
    const [mant, exp] = s.split('e');
    const e = Number(exp);
    if (e < -4 || e >= 21) return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
    return String(v);
  }
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'object') return Array.isArray(v) ? `[${v.map(goPrint).join(' ')}]` : `map[${Object.keys(v).sort().map((k) => `${k}:${goPrint((v as Record<string, Value>)[k])}`).join(' ')}]`;
  return String(v);
}

/** reflect Type().String() of a JSON-decoded value. */
export function goTypeName(v: Value): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isObject(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}

/** fmt %#v of a JSON-decoded value (kubectl's jsonpath debugging output). */
export function goSyntax(v: Value, top = true): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goStrconvQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return top ? `${goTypeName(v)}(${goPrint(v)})` : goPrint(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSyntax(x, false)).join(', ')}}`;
  const keys = Object.keys(v as object).sort();
  return `map[string]interface {}{${keys.map((k) => `${goStrconvQuote(k)}:${goSyntax((v as Record<string, Value>)[k], false)}`).join(', ')}}`;
}

/** strconv.Quote: Go escapes for control characters and non-printable runes (unicode.IsPrint). */
export function goStrconvQuote(s: string): string {
  const simple: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"' };
  let r = '"';
  for (const c of s) {
    if (simple[c]) { r += simple[c]; continue; }
    const cp = c.codePointAt(0)!;
    if (c === ' ' || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(c)) r += c;
    else if (cp < 0x80) r += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) r += '\\u' + cp.toString(16).padStart(4, '0');
    else r += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return r + '"';
}
