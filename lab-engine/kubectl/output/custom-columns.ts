/**
 * `-o custom-columns=H:path,…` and `-o custom-columns-file=…`
 * (kubectl/pkg/cmd/get/customcolumn.go), printed through get's tabwriter.
 */
import type { KubeObject } from '../../api/types';
import { KubectlError } from '../types';
import { findValues, goPrint } from './jsonpath/evaluate';
import { parseJsonPath, JsonPathParseError } from './jsonpath/parser';
import { escapeTerminal } from '../printers/table-printer';
import { TabWriter } from '../printers/tabwriter';

export interface Column {
  header: string;
  path: string;
}

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` → `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  if (expr.length === 0) return expr;
  const m = JSON_REGEXP.exec(expr);
  if (!m) throw new KubectlError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] ?? m[2]}}`;
}

/** NewCustomColumnsPrinterFromSpec. */
export function parseCustomColumnsSpec(spec: string): Column[] {
  if (spec.length === 0) throw new KubectlError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), path: relaxedJsonPath(part.slice(colon + 1)) };
  });
}

/** NewCustomColumnsPrinterFromTemplate: a header line and a paths line, whitespace separated. */
export function parseCustomColumnsFile(text: string): Column[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 2) throw new KubectlError(`invalid template, expected two lines, found ${lines.length}`);
  const headers = lines[0].trim().split(/\s+/);
  const paths = lines[1].trim().split(/\s+/);
  if (headers.length !== paths.length) throw new KubectlError(`number of headers (${headers.length}) does not match number of columns (${paths.length})`);
  return headers.map((h, i) => ({ header: h, path: relaxedJsonPath(paths[i]) }));
}

/** Prints objects (already flattened out of any List) as custom columns. */
export function printCustomColumns(columns: Column[], objs: KubeObject[], noHeaders: boolean): string {
  const parsers = columns.map((c) => {
    try {
      return parseJsonPath(c.path);
    } catch (e) {
      if (e instanceof JsonPathParseError) throw new KubectlError(`error parsing jsonpath ${c.path}, ${e.message}`);
      throw e;
    }
  });
  const w = new TabWriter(6, 4, 3);
  if (!noHeaders) w.write(columns.map((c) => c.header).join('\t') + '\n');
  for (const obj of objs) {
    const cells = parsers.map((p) => {
      const values = findValues(p, obj, true);
      if (values.length === 0 || values[0].length === 0) return '<none>';
      return values.flat().map((v) => escapeTerminal(goPrint(v))).join(',');
    });
    w.write(cells.join('\t') + '\n');
  }
  return w.flush();
}
