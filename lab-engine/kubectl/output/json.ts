/**
 * JSON exactly as kubectl prints it: cli-runtime JSONPrinter uses
 * json.MarshalIndent(obj, "", "    ") plus a final "\n". Go's encoder escapes
 * <, >, & and U+2028/U+2029 (HTMLEscape), sorts map keys bytewise (server objects
 * arrive as maps) and keeps struct field order for typed objects (client-side
 * generators), hence the `sortKeys` switch.
 */

export interface JsonOptions {
  /** Sort object keys (server objects). False keeps insertion order (typed Go structs). Default true. */
  sortKeys?: boolean;
  /** Indentation unit; kubectl -o json uses four spaces. */
  indent?: string;
}

/** Encodes like json.MarshalIndent(v, "", "    ") + "\n". */
export function toJson(value: unknown, opts: JsonOptions = {}): string {
  const out: string[] = [];
  encode(value, '', opts.indent ?? '    ', opts.sortKeys ?? true, out);
  out.push('\n');
  return out.join('');
}

/** Compact form (json.Marshal), used by jsonpath for maps and lists. */
export function toCompactJson(value: unknown, sortKeys = true): string {
  const out: string[] = [];
  encode(value, null, '', sortKeys, out);
  return out.join('');
}

function encode(v: unknown, prefix: string | null, unit: string, sortKeys: boolean, out: string[]): void {
  if (v === null || v === undefined) return void out.push('null');
  if (typeof v === 'string') return void out.push(goQuote(v));
  if (typeof v === 'number') return void out.push(Number.isFinite(v) ? String(v) : 'null');
  if (typeof v === 'boolean') return void out.push(v ? 'true' : 'false');
  const inner = prefix === null ? null : prefix + unit;
  if (Array.isArray(v)) {
    if (v.length === 0) return void out.push('[]');
    out.push('[');
    v.forEach((item, i) => {
      if (i > 0) out.push(',');
      if (inner !== null) out.push('\n', inner);
      encode(item, inner, unit, sortKeys, out);
    });
    if (prefix !== null) out.push('\n', prefix);
    out.push(']');
    return;
  }
  const obj = v as Record<string, unknown>;
  let keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (sortKeys) keys = keys.sort(byteCompare);
  if (keys.length === 0) return void out.push('{}');
  out.push('{');
  keys.forEach((k, i) => {
    if (i > 0) out.push(',');
    if (inner !== null) out.push('\n', inner);
    out.push(goQuote(k), inner !== null ? ': ' : ':');
    encode(obj[k], inner, unit, sortKeys, out);
  });
  if (prefix !== null) out.push('\n', prefix);
  out.push('}');
}

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** encoding/json string encoding with HTML escaping. */
export function goQuote(s: string): string {
  let r = '"';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (c === '"') r += '\\"';
    else if (c === '\\') r += '\\\\';
    else if (c === '\n') r += '\\n';
    else if (c === '\r') r += '\\r';
    else if (c === '\t') r += '\\t';
    else if (cp < 0x20 || c === '<' || c === '>' || c === '&' || cp === 0x2028 || cp === 0x2029) {
      r += '\\u' + cp.toString(16).padStart(4, '0');
    } else r += c;
  }
  return r + '"';
}
