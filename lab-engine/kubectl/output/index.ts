/**
 * kubectl's object printers (cli-runtime/pkg/printers + kubectl get's printers).
 *
 * Signatures (all pure; they return the exact bytes kubectl writes to stdout):
 *
 *   toYaml(value: unknown): string
 *       `-o yaml` of one object/List (go-yaml v2 via sigs.k8s.io/yaml: sorted keys,
 *       kubectl's quoting, folding at column 80). Ends in "\n".
 *   toJson(value: unknown, { sortKeys = true, indent = '    ' }): string
 *       `-o json` (json.MarshalIndent 4 spaces + "\n"). sortKeys=false keeps insertion order,
 *       which is what typed client-side objects (`create --dry-run=client -o json`) need.
 *   printName(objs: KubeObject | KubeObject[], operation?: string): string
 *       `-o name` lines `deployment.apps/web\n`, or with an operation `pod/x created\n`.
 *   qualifiedName(obj): string                       `deployment.apps/web`
 *   printJsonPath(template, data, { allowMissingKeys = true, asJson = false }): string
 *       `-o jsonpath=…` / `-o jsonpath-as-json=…`; throws KubectlError with kubectl's exact
 *       parse/execute messages (exit code 1).
 *   printObjects(objs, format, opts): string
 *       One entry point for `-o yaml|json|name|jsonpath=…|jsonpath-as-json=…|
 *       custom-columns=…|custom-columns-file=…|go-template=…|go-template-file=…|template=…`
 *       (single object printed as itself; several objects wrapped in a `List`).
 *       Returns undefined when `format` is not one of these (table formats: see printers/).
 *       custom-columns print the items of Lists, header once (unless opts.noHeaders).
 *   listEnvelope(items): KubeObject                 {apiVersion: v1, items, kind: List, metadata: {resourceVersion: ""}}
 *   isObjectFormat(format): boolean / OUTPUT_FORMATS (kubectl's allowed list, for its error message).
 */
import type { KubeObject } from '../../api/types';
import { KubectlError } from '../types';
import { toYaml } from './yaml';
import { toJson } from './json';
import { printName } from './name';
import { JsonPathParseError, parseJsonPath } from './jsonpath/parser';
import { JsonPathExecError, executeJsonPath, goSyntax } from './jsonpath/evaluate';
import { printGoTemplate } from './go-template';
import { parseCustomColumnsFile, parseCustomColumnsSpec, printCustomColumns } from './custom-columns';

export { toYaml, yamlKeyLess } from './yaml';
export { toJson, toCompactJson, goQuote } from './json';
export { printName, qualifiedName, kindPrefix } from './name';
export { parseJsonPath, JsonPathParseError } from './jsonpath/parser';
export { printGoTemplate, PrinterError } from './go-template';
export { relaxedJsonPath, parseCustomColumnsSpec, printCustomColumns } from './custom-columns';
export { jsonPath, findValues, JsonPathExecError, goPrint, goSyntax } from './jsonpath/evaluate';

export interface PrintOptions {
  /** --allow-missing-template-keys (default true). */
  allowMissingKeys?: boolean;
  /** -o json key order (see toJson). */
  sortKeys?: boolean;
  /** --no-headers, for custom-columns. */
  noHeaders?: boolean;
  /** Reads custom-columns-file / go-template-file / jsonpath-file contents. */
  readFile?: (path: string) => string | undefined;
}

/** The list kubectl prints in `error: unable to match a printer suitable for the output format …`. */
export const OUTPUT_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath',
  'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
];

/** The `List` kubectl builds when several objects are printed (get.go / printers). */
export function listEnvelope(items: KubeObject[]): KubeObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } } as unknown as KubeObject;
}

export function isObjectFormat(format: string): boolean {
  const name = format.split('=')[0];
  return ['yaml', 'json', 'name'].includes(format) || (format.includes('=') && OUTPUT_FORMATS.includes(name)) || ['go-template', 'jsonpath', 'custom-columns'].includes(name);
}

/** `-o jsonpath=…`: cli-runtime JSONPathPrinter, with its error wrapping. */
export function printJsonPath(template: string, data: unknown, opts: { allowMissingKeys?: boolean; asJson?: boolean } = {}): string {
  let root;
  try {
    root = parseJsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new KubectlError(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
  try {
    return executeJsonPath(root, data, { allowMissingKeys: opts.allowMissingKeys ?? true, outputJson: opts.asJson });
  } catch (e) {
    if (!(e instanceof JsonPathExecError)) throw e;
    const detail =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data, false)}\n\n`;
    throw new KubectlError(`error executing jsonpath ${JSON.stringify(template)}: ${detail}\n`);
  }
}

/**
 * Prints objects in a non-table format. `objs` of length 1 prints the object
 * itself; otherwise a List (kubectl get's behaviour for lists and several args).
 * Pass `asList` to force the List envelope (e.g. `get pods -o yaml` with one pod).
 */
export function printObjects(objs: KubeObject[], format: string, opts: PrintOptions & { asList?: boolean } = {}): string | undefined {
  const eq = format.indexOf('=');
  const name = eq < 0 ? format : format.slice(0, eq);
  const arg = eq < 0 ? '' : format.slice(eq + 1);
  const data = objs.length === 1 && !opts.asList ? objs[0] : listEnvelope(objs);
  switch (name) {
    case 'yaml': return toYaml(data);
    case 'json': return toJson(data, { sortKeys: opts.sortKeys ?? true });
    case 'name': return printName(objs);
    case 'jsonpath': return printJsonPath(arg, data, { allowMissingKeys: opts.allowMissingKeys });
    case 'jsonpath-as-json': return printJsonPath(arg, data, { allowMissingKeys: opts.allowMissingKeys, asJson: true });
    case 'jsonpath-file': return printJsonPath(readTemplateFile(arg, opts), data, { allowMissingKeys: opts.allowMissingKeys });
    case 'custom-columns': return printCustomColumns(parseCustomColumnsSpec(arg), flattenLists(objs), opts.noHeaders ?? false);
    case 'custom-columns-file': return printCustomColumns(parseCustomColumnsFile(readTemplateFile(arg, opts)), flattenLists(objs), opts.noHeaders ?? false);
    case 'go-template': case 'template': return printGoTemplate(arg, data, opts);
    case 'go-template-file': case 'templatefile': return printGoTemplate(readTemplateFile(arg, opts), data, opts);
    default: return printExtra(name, arg, objs, data, opts);
  }
}

/** Custom columns print the items of List objects (meta.ExtractList). */
function flattenLists(objs: KubeObject[]): KubeObject[] {
  return objs.flatMap((o) => (Array.isArray((o as { items?: unknown }).items) && o.kind.endsWith('List') ? ((o as unknown as { items: KubeObject[] }).items) : [o]));
}

/** Hook for formats implemented in sibling files (custom-columns, go-template). */
let extraPrinters: ((name: string, arg: string, objs: KubeObject[], data: unknown, opts: PrintOptions) => string | undefined)[] = [];

export function registerExtraPrinter(p: (name: string, arg: string, objs: KubeObject[], data: unknown, opts: PrintOptions) => string | undefined): void {
  extraPrinters = [...extraPrinters, p];
}

function printExtra(name: string, arg: string, objs: KubeObject[], data: unknown, opts: PrintOptions): string | undefined {
  for (const p of extraPrinters) {
    const r = p(name, arg, objs, data, opts);
    if (r !== undefined) return r;
  }
  return undefined;
}

export function readTemplateFile(path: string, opts: PrintOptions): string {
  const text = opts.readFile?.(path);
  if (text === undefined) throw new KubectlError(`error reading --template ${path}, open ${path}: no such file or directory`);
  return text;
}
