import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { printName, printObjects } from '../output';
import { type DryRunStrategy, dryRunSuffix } from './dry-run';

/** The formats kubectl's PrintFlags accepts for mutating verbs (sorted as in its error message). */
const MUTATION_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

/**
 * Checks -o before anything is sent (PrintFlags.ToPrinter fails first in
 * kubectl): `unable to match a printer suitable for the output format`.
 */
export function checkOutputFormat(ctx: CommandContext, extra: string[] = []): void {
  const o = flagString(ctx.flags, 'output');
  if (!o) return;
  const name = o.includes('=') ? o.slice(0, o.indexOf('=')) : o;
  const ok = [...MUTATION_FORMATS, ...extra].includes(name) && (!o.includes('=') || !['json', 'yaml', 'name'].includes(name));
  const needsArg = ['go-template', 'jsonpath', 'jsonpath-as-json', 'template', 'go-template-file', 'jsonpath-file', 'templatefile'].includes(name);
  if (needsArg && !o.includes('=') && !flagString(ctx.flags, 'template')) {
    throw new KubectlError(`template format specified but no template given`);
  }
  if (!ok) {
    throw new KubectlError(
      `unable to match a printer suitable for the output format "${o}", allowed formats are: ${[...MUTATION_FORMATS, ...extra].sort().join(',')}`,
    );
  }
}

export interface PrintResultOptions {
  operation: string;
  dryRun?: DryRunStrategy;
  /** Client-built typed objects print JSON in Go struct field order (no key sorting). */
  typed?: boolean;
}

/**
 * What a mutating verb prints for each object: `kind/name <operation>[ (dry run)]`,
 * or the object in the -o format (`-o name` prints no operation).
 */
export function printResult(ctx: CommandContext, objs: KubeObject | KubeObject[], opts: PrintResultOptions): void {
  const list = Array.isArray(objs) ? objs : [objs];
  const o = outputFormat(ctx);
  const shown = flagBool(ctx.flags, 'show-managed-fields') ? list : list.map(stripManagedFields);
  if (!o) {
    ctx.io.out(printName(shown, opts.operation + dryRunSuffix(opts.dryRun ?? 'none')));
    return;
  }
  for (const obj of shown) {
    // cli-runtime YAMLPrinter writes "---" before every object after the first.
    if (o === 'yaml' && bumpYamlCount(ctx) > 1) ctx.io.out('---\n');
    const text = printObjects([obj], o, { sortKeys: !opts.typed, allowMissingKeys: ctx.flags.values['allow-missing-template-keys'] !== false, readFile: (p) => ctx.host.readFile(p) });
    if (text === undefined) throw new KubectlError(`unable to match a printer suitable for the output format "${o}"`);
    ctx.io.out(text);
  }
}

const yamlCounts = new WeakMap<object, number>();

function bumpYamlCount(ctx: CommandContext): number {
  const n = (yamlCounts.get(ctx.io) ?? 0) + 1;
  yamlCounts.set(ctx.io, n);
  return n;
}

/** -o with --template folded in (`-o go-template --template=…`). */
export function outputFormat(ctx: CommandContext): string {
  const o = flagString(ctx.flags, 'output');
  const t = flagString(ctx.flags, 'template');
  if (t && (o === 'go-template' || o === 'jsonpath' || o === 'template' || o === 'jsonpath-as-json')) return `${o}=${t}`;
  if (t && !o) return `go-template=${t}`;
  return o;
}

function stripManagedFields(obj: KubeObject): KubeObject {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _m, ...meta } = obj.metadata;
  return { ...obj, metadata: meta };
}
