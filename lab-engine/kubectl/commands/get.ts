/**
 * `kubectl get` (kubectl/pkg/cmd/get/get.go): tables through the server-side
 * printers and cli-runtime's table printer, or -o yaml|json|name|jsonpath|
 * custom-columns|go-template over the objects; -w streams rows on virtual time.
 */
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString, flagStrings } from '../args';
import { AggregateError } from '../check-err';
import { OUTPUT_FORMATS, PrinterError, printName, printObjects } from '../output';
import { TabWriter } from '../printers/tabwriter';
import { tableText } from '../printers/table-printer';
import { crdFor, toTable } from '../printers/server-table';
import { kindPrefix } from '../output/name';
import { buildRequests } from './get/requests';
import { type Group, fetchGroups, mergeGroups, stripManagedFields } from './get/fetch';
import { sortObjects } from './get/sort-by';
import { runWatch } from './get/watch';

export const get: CommandSpec = {
  use: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  short: 'Display one or many resources',
  flags: [],
  run: runGet,
};

const REQUIRED_RESOURCE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
  "See 'kubectl get -h' for help and examples";

/** -o with --template folded in, validated like get's PrintFlags. */
export function getOutputFormat(ctx: CommandContext): string {
  const o = flagString(ctx.flags, 'output');
  const t = flagString(ctx.flags, 'template');
  if (t && (o === '' || o === 'go-template' || o === 'template' || o === 'jsonpath' || o === 'jsonpath-as-json')) return `${o || 'go-template'}=${t}`;
  if (o === '' || o === 'wide') return o;
  const name = o.includes('=') ? o.slice(0, o.indexOf('=')) : o;
  const ok = OUTPUT_FORMATS.includes(name) && (!o.includes('=') || !['json', 'yaml', 'name', 'wide'].includes(name));
  const needsArg = ['go-template', 'jsonpath', 'jsonpath-as-json', 'template', 'go-template-file', 'jsonpath-file', 'templatefile', 'custom-columns-file'].includes(name);
  if (needsArg && !o.includes('=')) throw new KubectlError('template format specified but no template given');
  if (name === 'custom-columns' && !o.includes('=')) throw new KubectlError('custom-columns format specified but no custom columns given');
  if (!ok) throw new KubectlError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${OUTPUT_FORMATS.join(',')}`);
  return o;
}

async function runGet(ctx: CommandContext): Promise<number> {
  const format = getOutputFormat(ctx);
  // get.go Validate
  const output = flagString(ctx.flags, 'output');
  if (flagBool(ctx.flags, 'show-labels') && output !== '' && output !== 'wide') throw new KubectlError(`--show-labels option cannot be used with ${output} printer`);
  if (ctx.flags.args.length === 0 && flagStrings(ctx.flags, 'filename').length === 0) throw new KubectlError(REQUIRED_RESOURCE, 1, true);
  const { requests, singleItemImplied } = buildRequests(ctx);
  if (flagBool(ctx.flags, 'watch') || flagBool(ctx.flags, 'watch-only')) return runWatch(ctx, requests, format);
  const { groups, errors } = fetchGroups(ctx, requests);
  if (format === '' || format === 'wide') printTables(ctx, mergeGroups(groups), errors, format === 'wide', requests.every((r) => r.def.namespaced && r.namespace !== undefined));
  else {
    if (errors.length > 0 && singleItemImplied) throw errors[0];
    printGeneric(ctx, groups, format, singleItemImplied);
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

/** get.go's human-readable path: one table per kind, blank line between kinds. */
function printTables(ctx: CommandContext, groups: Group[], errors: Error[], wide: boolean, allNamespaced: boolean): void {
  const noHeaders = flagBool(ctx.flags, 'no-headers');
  const withKind = flagBool(ctx.flags, 'show-kind') || new Set(groups.map((g) => g.def)).size > 1;
  const tw = new TabWriter(6, 4, 3);
  const nowMs = ctx.host.cluster.clock.nowMs();
  const store = ctx.host.cluster.store;
  let written = 0;
  let separatorReady = false;
  for (const g of groups) {
    const table = toTable(g.def, g.objects.map(stripManagedFields), { nowMs, crd: crdFor(g.def, (k, ns, n) => store.peek(k, ns, n)) });
    table.rows = sortObjects(table.rows, (r) => r.object, flagString(ctx.flags, 'sort-by'));
    tw.write(tableText(table, {
      wide, noHeaders,
      withNamespace: flagBool(ctx.flags, 'all-namespaces') && g.def.namespaced,
      showLabels: flagBool(ctx.flags, 'show-labels'),
      labelColumns: flagStrings(ctx.flags, 'label-columns').flatMap((l) => l.split(',')).filter(Boolean),
      kindPrefix: withKind ? kindPrefix(apiVersion(g.def), g.def.kind) : undefined,
    }));
    const text = tw.flush();
    if (text) {
      ctx.io.out((separatorReady ? '\n' : '') + text);
      separatorReady = false;
      written += text.length;
    }
    if (!noHeaders && written > 0) separatorReady = true;
  }
  if (written === 0 && errors.length === 0 && !flagBool(ctx.flags, 'ignore-not-found')) {
    ctx.io.err(allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
  }
}

function apiVersion(def: { group: string; version: string }): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

/** get.go printGeneric: one object as itself, otherwise a List. */
function printGeneric(ctx: CommandContext, groups: Group[], format: string, singleItemImplied: boolean): void {
  const showManaged = flagBool(ctx.flags, 'show-managed-fields');
  let objs = groups.flatMap((g) => g.objects).map((o) => (showManaged ? o : stripManagedFields(o)));
  if (objs.length === 0 && flagBool(ctx.flags, 'ignore-not-found')) return;
  objs = sortObjects(objs, (o) => o, flagString(ctx.flags, 'sort-by'));
  if (format === 'name') {
    ctx.io.out(printName(objs));
    return;
  }
  try {
    const text = printObjects(objs, format, {
      asList: !(singleItemImplied && objs.length === 1),
      allowMissingKeys: ctx.flags.values['allow-missing-template-keys'] !== false,
      noHeaders: flagBool(ctx.flags, 'no-headers'),
      readFile: (p) => ctx.host.readFile(p),
    });
    if (text !== undefined) ctx.io.out(text);
  } catch (e) {
    if (e instanceof PrinterError) {
      ctx.io.out(e.partialStdout);
      throw new KubectlError(e.message);
    }
    throw e;
  }
}
