import { parseAllDocuments, YAMLParseError } from 'yaml';
import type { KubeObject } from '../../api/types';
import { KubectlError } from '../types';

/** Bounds against hostile input (10 MB pastes, alias bombs, deep nesting). */
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_DEPTH = 200;

/**
 * Splits a file into objects like apimachinery's YAMLOrJSONDecoder: YAML
 * documents separated by `---`, or JSON; empty documents are skipped; a `List`
 * (any kind ending in "List" with items) is expanded. YAML is read with YAML
 * 1.1 rules as go-yaml v2 reads it (`yes`/`on` are booleans).
 */
export function decodeObjects(text: string, source: string): KubeObject[] {
  if (text.length > MAX_BYTES) throw new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: input too large`);
  const trimmed = text.trimStart();
  const values = trimmed.startsWith('{') || trimmed.startsWith('[') ? decodeJson(text, source) : decodeYaml(text, source);
  const out: KubeObject[] = [];
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'object' || Array.isArray(v)) {
      throw new KubectlError(`error parsing ${source}: error unmarshaling JSON: json: cannot unmarshal ${goType(v)} into Go value of type map[string]interface {}`);
    }
    checkDepth(v, 0, source);
    const obj = v as KubeObject;
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) {
      for (const item of obj.items) if (item && typeof item === 'object') out.push(item as KubeObject);
    } else out.push(obj);
  }
  return out;
}

function decodeJson(text: string, source: string): unknown[] {
  // A JSON stream may hold several values; the common case is one.
  try {
    return [JSON.parse(text)];
  } catch (e) {
    throw new KubectlError(`error parsing ${source}: ${(e as Error).message.replace(/^JSON\.parse: /, '')}`);
  }
}

function decodeYaml(text: string, source: string): unknown[] {
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: unknown[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) throw new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: ${yamlErrorText(err, text)}`);
    try {
      out.push(doc.toJS({ maxAliasCount: 100 }));
    } catch (e) {
      throw new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: ${(e as Error).message}`);
    }
  }
  return out;
}

/** go-yaml's wording for the mistakes people make most (indentation, tabs). */
function yamlErrorText(err: YAMLParseError, text: string): string {
  let line = err.linePos?.[0]?.line ?? lineOf(text, err.pos?.[0] ?? 0);
  if (err.code === 'MULTILINE_IMPLICIT_KEY' || err.code === 'BLOCK_AS_IMPLICIT_KEY') {
    // go-yaml reports the line of the ':' it did not expect, after the key's start.
    const colon = text.indexOf(':', (err.pos?.[0] ?? 0) + 1);
    if (colon > 0) line = lineOf(text, colon);
  }
  if (err.code === 'TAB_AS_INDENT' || /tab/i.test(err.message)) return `line ${line}: found character that cannot start any token`;
  // "did not find expected key" is a parser error: yaml.v2's fail() prints the problem mark's 0-based line
  // for parser errors (only scanner errors get the +1), i.e. the line before the offending token
  if (err.code === 'MISSING_CHAR' || err.code === 'UNEXPECTED_TOKEN' || err.code === 'BAD_INDENT') return `line ${line - 1}: did not find expected ${expectedToken(err, text, line)}`;
  if (err.code === 'DUPLICATE_KEY') return `line ${line}: duplicate key`;
  return `line ${line}: mapping values are not allowed in this context`;
}

/** What yaml.v2's parser was waiting for: the flow collection's closer, a block sequence's '-', or a key. */
function expectedToken(err: YAMLParseError, text: string, line: number): string {
  if (/flow sequence/i.test(err.message)) return "',' or ']'";
  if (/flow (map|mapping)/i.test(err.message)) return "',' or '}'";
  const lines = text.split('\n');
  const bad = lines[line - 1] ?? '';
  const indent = bad.length - bad.trimStart().length;
  for (let i = line - 2; i >= 0; i--) {
    const l = lines[i];
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    const li = l.length - l.trimStart().length;
    if (li === indent && l.trimStart().startsWith('- ')) return "'-' indicator";
    break;
  }
  return 'key';
}

function lineOf(text: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}

function goType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function checkDepth(v: unknown, depth: number, source: string): void {
  if (depth > MAX_DEPTH) throw new KubectlError(`error parsing ${source}: exceeded max depth of ${MAX_DEPTH}`);
  if (v && typeof v === 'object') for (const c of Object.values(v as object)) checkDepth(c, depth + 1, source);
}
