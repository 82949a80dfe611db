/**
 * YAML exactly as kubectl prints it: cli-runtime's YAMLPrinter marshals the object
 * to JSON, then sigs.k8s.io/yaml JSONToYAML re-encodes it with go-yaml v2
 * (sigs.k8s.io/yaml/goyaml.v2, i.e. gopkg.in/yaml.v2 v2.4). So this is a port of
 * the parts of go-yaml v2 that matter for JSON values: encode.go stringv (quoting
 * choice), resolve.go (which plain strings would read back as non-strings),
 * sorter.go keyList.Less (map key order), and emitterc.go (scalar analysis,
 * indentless block sequences, folding of long scalars at column 80).
 */
import { isBase60Float, resolvesToNonString } from './yaml-resolve';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

/** Encodes a JSON value as go-yaml v2 would (always ends in "\n"). */
export function toYaml(value: unknown): string {
  const w = new Writer();
  emitNode(w, value, -1, { inSeq: false, mappingValue: false });
  return w.finish();
}

class Writer {
  out: string[] = [];
  column = 0;
  /** True right after an indent or indicator that left trailing whitespace. */
  whitespace = true;
  indention = true;
  write(s: string): void {
    this.out.push(s);
    this.column += asciiOnly(s) ? s.length : [...s].length;
    this.whitespace = false;
    this.indention = false;
  }
  /** Writes one space-ish indicator separator. */
  space(): void {
    this.out.push(' ');
    this.column += 1;
    this.whitespace = true;
  }
  newline(): void {
    this.out.push('\n');
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
  }
  /** yaml_emitter_write_indent. */
  indent(indent: number): void {
    const ind = Math.max(indent, 0);
    if (!this.indention || this.column > ind || (this.column === ind && !this.whitespace)) this.newline();
    while (this.column < ind) {
      this.out.push(' ');
      this.column += 1;
    }
    this.whitespace = true;
    this.indention = true;
  }
  finish(): string {
    const s = this.out.join('');
    return s.endsWith('\n') ? s : s + '\n';
  }
}

interface Pos {
  inSeq: boolean;
  mappingValue: boolean;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Emits a node; `indent` is the indentation of the enclosing block collection (-1 at top). */
function emitNode(w: Writer, v: unknown, indent: number, pos: Pos): void {
  if (Array.isArray(v)) {
    if (v.length === 0) return emitInline(w, '[]', pos);
    // Block sequences inside a mapping are "indentless" in go-yaml v2.
    const seqIndent = indent < 0 ? 0 : pos.mappingValue ? indent : indent + BEST_INDENT;
    v.forEach((item, i) => {
      if (!(pos.inSeq && i === 0)) w.indent(seqIndent);
      w.write('-');
      w.space();
      w.indention = true; // "- " keeps indention (yaml_emitter_write_indicator with is_indention)
      emitNode(w, item, seqIndent, { inSeq: true, mappingValue: false });
    });
    return;
  }
  if (isMap(v)) {
    const keys = sortKeys(Object.keys(v));
    if (keys.length === 0) return emitInline(w, '{}', pos);
    const mapIndent = indent < 0 ? 0 : indent + BEST_INDENT;
    keys.forEach((k, i) => {
      if (!(pos.inSeq && i === 0)) w.indent(mapIndent);
      emitScalarString(w, k, mapIndent, true);
      w.write(':');
      emitValue(w, v[k], mapIndent);
    });
    return;
  }
  emitScalarInline(w, v, indent, pos);
}

function emitValue(w: Writer, v: unknown, mapIndent: number): void {
  const isBlock = (Array.isArray(v) && v.length > 0) || (isMap(v) && Object.keys(v).length > 0);
  if (isBlock) {
    emitNode(w, v, mapIndent, { inSeq: false, mappingValue: true });
    return;
  }
  w.space();
  emitNode(w, v, mapIndent, { inSeq: false, mappingValue: true });
}

function emitInline(w: Writer, text: string, pos: Pos): void {
  void pos;
  w.write(text);
}

function emitScalarInline(w: Writer, v: unknown, indent: number, pos: Pos): void {
  void pos;
  if (v === null || v === undefined) return w.write('null');
  if (typeof v === 'boolean') return w.write(v ? 'true' : 'false');
  if (typeof v === 'number') return w.write(formatNumber(v));
  emitScalarString(w, String(v), Math.max(indent, 0), false);
}

/** go-yaml v2 encodes ints in decimal and floats with FormatFloat('g', -1). */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return goFormatFloatG(n);
}

/** strconv.FormatFloat(f, 'g', -1, 64): exponent form when exp < -4 || exp >= 21 (shortest digits). */
function goFormatFloatG(n: number): string {
  const s = n.toExponential(); // shortest round-trip digits, like Go's -1 precision
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return String(n);
  const [, sign, d0, rest = '', expStr] = m;
  const exp = Number(expStr);
  const digits = d0 + rest;
  if (exp < -4 || exp >= Math.max(digits.length, 21)) {
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${d0}${rest ? '.' + rest : ''}e${exp < 0 ? '-' : '+'}${e}`;
  }
  return String(n);
}

type Style = 'plain' | 'single' | 'double' | 'literal';

/** encode.go stringv + emitterc.go yaml_emitter_select_scalar_style. */
function chooseStyle(s: string, simpleKey: boolean): Style {
  const canUsePlain = !resolvesToNonString(s) && !isBase60Float(s);
  let style: Style = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
  const a = analyzeScalar(s);
  if (style === 'plain') {
    if (!a.blockPlainAllowed || (s.length === 0 && simpleKey)) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

/** Strings that are plain in any position and cannot resolve to another type (the common case). */
const SIMPLE = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;

function asciiOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function emitScalarString(w: Writer, s: string, indent: number, simpleKey: boolean): void {
  if (s.length < 40 && SIMPLE.test(s) && !resolvesToNonString(s)) return w.write(s);
  const style = chooseStyle(s, simpleKey);
  // yaml_emitter_increase_indent(flow=true): continuation lines sit one step deeper.
  const contIndent = indent + BEST_INDENT;
  if (style === 'plain') return writeFolded(w, s, contIndent, !simpleKey, false);
  if (style === 'single') {
    w.write("'");
    writeFolded(w, s.replace(/'/g, "''"), contIndent, !simpleKey, true);
    w.write("'");
    return;
  }
  if (style === 'double') return writeDoubleQuoted(w, s, contIndent, !simpleKey);
  writeLiteral(w, s, contIndent);
}

/** yaml_emitter_write_plain_scalar / write_single_quoted: fold at a space once past column 80. */
function writeFolded(w: Writer, s: string, indent: number, allowBreaks: boolean, quoted: boolean): void {
  const chars = [...s];
  let spaces = false;
  let buf = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === ' ') {
      const col = w.column + [...buf].length;
      const inner = !quoted || (i > 0 && i < chars.length - 1);
      if (allowBreaks && !spaces && col > BEST_WIDTH && inner && chars[i + 1] !== ' ') {
        w.write(buf);
        buf = '';
        w.indent(indent);
      } else buf += c;
      spaces = true;
    } else {
      buf += c;
      spaces = false;
    }
  }
  if (buf) w.write(buf);
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\f': 'f', '\r': 'r',
  '\x1b': 'e', '"': '"', '\\': '\\', '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P',
};

function escapeChar(c: string): string {
  const e = ESCAPES[c];
  if (e) return '\\' + e;
  const cp = c.codePointAt(0)!;
  if (isPrintable(cp) && cp !== 0xfeff) return c;
  if (cp <= 0xff) return '\\x' + hex(cp, 2);
  if (cp <= 0xffff) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}

/** yaml_emitter_write_double_quoted_scalar. */
function writeDoubleQuoted(w: Writer, s: string, indent: number, allowBreaks: boolean): void {
  const chars = [...s];
  w.write('"');
  let spaces = false;
  let buf = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === ' ') {
      const col = w.column + [...buf].length;
      if (allowBreaks && !spaces && col > BEST_WIDTH && i > 0 && i < chars.length - 1) {
        w.write(buf);
        buf = '';
        w.indent(indent);
        if (chars[i + 1] === ' ') buf += '\\';
      } else buf += c;
      spaces = true;
    } else {
      buf += escapeChar(c);
      spaces = false;
    }
  }
  w.write(buf + '"');
}

/** yaml_emitter_write_block_scalar_hints + write_literal_scalar. */
function writeLiteral(w: Writer, s: string, indent: number): void {
  let hints = '|';
  if (s.startsWith(' ') || s.startsWith('\n')) hints += String(BEST_INDENT);
  if (!s.endsWith('\n')) hints += '-';
  else if (s.length === 1 || s[s.length - 2] === '\n') hints += '+';
  w.write(hints);
  w.newline();
  const lines = s.split('\n');
  // A trailing "\n" produces a final empty element that is the chomped break, not a line.
  if (s.endsWith('\n')) lines.pop();
  lines.forEach((line, i) => {
    if (i > 0) w.newline();
    if (line.length > 0) {
      w.indent(indent);
      w.write(line);
    }
  });
  if (s.endsWith('\n')) w.newline();
  w.indention = true;
  w.whitespace = true;
}

interface Analysis {
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || cp >= 0x10000
  );
}

const isBlankz = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** yaml_emitter_analyze_scalar, block context only (kubectl never emits flow collections with content). */
export function analyzeScalar(s: string): Analysis {
  if (s.length === 0) return { blockPlainAllowed: false, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let special = false, lineBreaks = false;
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, prevSpace = false, prevBreak = false;
  const chars = [...s];
  let precededByWs = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const followedByWs = isBlankz(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWs) blockIndicators = true;
    } else if (c === ':' && followedByWs) blockIndicators = true;
    else if (c === '#' && precededByWs) blockIndicators = true;
    const cp = c.codePointAt(0)!;
    if (!isPrintable(cp)) special = true;
    if (c === '\n') lineBreaks = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029') {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevBreak = true;
      prevSpace = false;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = isBlankz(c);
  }
  let blockPlainAllowed = true, singleQuotedAllowed = true, blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) { blockPlainAllowed = false; singleQuotedAllowed = false; }
  if (spaceBreak || special) { blockPlainAllowed = false; singleQuotedAllowed = false; blockAllowed = false; }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

/** sorter.go keyList.Less: letters after non-letters, digit runs compared as numbers. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = asciiOnly(a) ? a : [...a], br = asciiOnly(b) ? b : [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]), bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0, bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') { an = 1; bn = 1; break; }
      }
    }
    let ai = i, bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const isLetter = (c: string) => ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? true : c < '\u0080' ? false : /\p{L}/u.test(c));

function sortKeys(keys: string[]): string[] {
  return keys.sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}
