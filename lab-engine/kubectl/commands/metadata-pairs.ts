import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { AggregateError } from '../check-err';
import { checkOutputFormat, dryRunStrategy, printResult, recordChangeCause, type DryRunStrategy } from '../flags';
import { NO_RESOURCES_MESSAGE, hasFilenames, selectObjects, selectionFlags } from '../resource-builder';

/**
 * What `kubectl label` and `kubectl annotate` share (label.go, annotate.go,
 * cmdutil.GetResourcesAndPairs): KEY=VALUE / KEY- arguments after the
 * resources, --overwrite, --list, --local, --all, -l, --resource-version.
 */
export type PairKind = 'label' | 'annotation';

export function splitResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let found = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      found = true;
      pairs.push(s);
    } else if (found) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

export function parsePairs(pairs: string[], kind: PairKind): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.includes('=')) {
      const eq = p.indexOf('=');
      const key = p.slice(0, eq);
      const value = p.slice(eq + 1);
      if (kind === 'label') validateLabel(p, key, value);
      else if (!key) throw new KubectlError(`invalid annotation format: ${p}`);
      set[key] = value;
    } else if (p.endsWith('-')) remove.push(p.slice(0, -1));
    else throw new KubectlError(`invalid ${kind} format: ${p}`);
  }
  for (const r of remove) if (r in set) throw new KubectlError(`can not both modify and remove ${kind === 'label' ? 'a label' : 'an annotation'} in the same command`);
  return { set, remove };
}

const LABEL_VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function validateLabel(spec: string, key: string, value: string): void {
  const name = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
  void name; // label.go validates only the value; the server checks keys.
  if (!LABEL_VALUE_RE.test(value) || value.length > 63) throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${LABEL_VALUE_MSG}`);
}

export interface PairVerb {
  kind: PairKind;
  /** The metadata field: labels or annotations. */
  field: 'labels' | 'annotations';
  /** Message for the changed object: labeled / annotated. */
  conflict(existing: Record<string, string>, set: Record<string, string>): string[];
  conflictMessage(errs: string[]): string;
  changeMessage(before: string, after: string, overwrite: boolean, dryRun: DryRunStrategy): string;
  beforeChange?(ctx: CommandContext, current: Record<string, string>, remove: string[]): void;
}

/** The Run of label/annotate. */
export function runPairVerb(ctx: CommandContext, verb: PairVerb): number {
  const { resources, pairs } = splitResourcesAndPairs(ctx.flags.args, verb.kind);
  const list = flagBool(ctx.flags, 'list');
  const { set, remove } = parsePairs(pairs, verb.kind);
  const local = flagBool(ctx.flags, 'local');
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  if (Object.keys(set).length === 0 && remove.length === 0 && !list) throw new KubectlError(`at least one ${verb.kind} update is required`);
  const sel = selectionFlags(ctx);
  if (sel.all && sel.selector) throw new KubectlError('cannot set --all and --selector at the same time');
  if (resources.length === 0 && !hasFilenames(ctx)) throw new KubectlError(NO_RESOURCES_MESSAGE);
  if (local && resources.length > 0) throw new KubectlError('can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set');
  const { infos, errors } = selectObjects(ctx, { args: resources, files: true, local, ...sel });
  const overwrite = flagBool(ctx.flags, 'overwrite');
  const resourceVersion = flagString(ctx.flags, 'resource-version');
  for (const info of infos) {
    const obj = info.object;
    const current = { ...((obj.metadata[verb.field] as Record<string, string> | undefined) ?? {}) };
    if (list) {
      printList(ctx, current, infos.length === 1, obj);
      continue;
    }
    if (!overwrite) {
      const errs = verb.conflict(current, set);
      if (errs.length > 0) throw new KubectlError(verb.conflictMessage(errs));
    }
    if (!local && dryRun !== 'client') verb.beforeChange?.(ctx, current, remove);
    const before = JSON.stringify(obj);
    const next = { ...current, ...set };
    for (const r of remove) delete next[r];
    const updated: KubeObject = { ...obj, metadata: { ...obj.metadata } };
    // Removing the last key leaves an empty map (`labels: {}`), as kubectl's map accessors do.
    updated.metadata[verb.field] = next;
    if (resourceVersion) updated.metadata.resourceVersion = resourceVersion;
    recordChangeCause(ctx, updated);
    const msg = verb.changeMessage(before, JSON.stringify(updated), overwrite, local ? 'client' : dryRun);
    if (local || dryRun === 'client') {
      printResult(ctx, updated, { operation: msg, dryRun: local ? 'none' : dryRun });
      continue;
    }
    const patch: Record<string, unknown> = { metadata: { [verb.field]: patchOf(current, next) } };
    if (resourceVersion) (patch.metadata as Record<string, unknown>).resourceVersion = resourceVersion;
    const saved = ctx.api.patch(info.def, info.namespace, info.name, 'merge', patch, { dryRun: dryRun === 'server' });
    printResult(ctx, saved, { operation: msg, dryRun });
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

function patchOf(before: Record<string, string>, after: Record<string, string>): Record<string, string | null> {
  const p: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(after)) if (before[k] !== v) p[k] = v;
  for (const k of Object.keys(before)) if (!(k in after)) p[k] = null;
  return p;
}

function printList(ctx: CommandContext, values: Record<string, string>, one: boolean, obj: KubeObject): void {
  const indent = one ? '' : ' ';
  if (!one) {
    const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
    ctx.io.err(`Listing labels for ${obj.kind}.${group}/${obj.metadata.name}:\n`);
  }
  for (const k of Object.keys(values).sort()) ctx.io.out(`${indent}${k}=${values[k]}\n`);
}
