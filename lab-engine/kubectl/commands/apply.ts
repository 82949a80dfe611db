import type { KubeObject } from '../../api/types';
import { isApiError } from '../../api/errors';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { AggregateError, addSourceToErr } from '../check-err';
import { checkOutputFormat, dryRunStrategy, fieldValidation, printResult, recordChangeCause, type DryRunStrategy } from '../flags';
import { hasFilenames, infosFromFiles, type Info } from '../resource-builder';
import { LAST_APPLIED_ANNOTATION, lastAppliedValue } from '../apply/last-applied';
import { threeWayMerge } from '../apply/three-way';
import { listEnvelope } from '../output';
import { viewLastApplied } from '../apply/view-last-applied';

/** `kubectl apply` (kubectl/pkg/cmd/apply/apply.go + patcher.go), client-side. */
export const apply: CommandSpec = {
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: [],
  subcommands: [viewLastApplied],
  run: runApply,
};

const MISSING_ANNOTATION = (resource: string, name: string) =>
  `Warning: resource ${resource}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;

function runApply(ctx: CommandContext): number {
  if (ctx.flags.args.length > 0) throw new KubectlError(`Unexpected args: [${ctx.flags.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`, 1, false);
  if (!hasFilenames(ctx) && !flagString(ctx.flags, 'kustomize')) throw new KubectlError('must specify one of -f and -k');
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  fieldValidation(ctx);
  if (flagBool(ctx.flags, 'prune') && !flagString(ctx.flags, 'selector') && !flagBool(ctx.flags, 'all')) {
    throw new KubectlError('all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector');
  }
  const infos = infosFromFiles(ctx);
  if (infos.length === 0) throw new KubectlError('no objects passed to apply');
  const errors: Error[] = [];
  const printed: KubeObject[] = [];
  for (const info of infos) {
    try {
      const r = applyOne(ctx, info, dryRun);
      if (shouldPrintObject(ctx)) printed.push(r.object);
      else printResult(ctx, r.object, { operation: r.operation, dryRun });
    } catch (e) {
      errors.push(e as Error);
    }
  }
  // apply.go prints -o yaml|json output once at the end: the object, or a List of them.
  if (printed.length === 1) printResult(ctx, printed[0], { operation: '', dryRun });
  else if (printed.length > 1) printResult(ctx, listEnvelope(printed), { operation: '', dryRun });
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

function shouldPrintObject(ctx: CommandContext): boolean {
  const o = flagString(ctx.flags, 'output');
  return o !== '' && o !== 'name';
}

function applyOne(ctx: CommandContext, info: Info, dryRun: DryRunStrategy): { object: KubeObject; operation: string } {
  const modified = info.object as KubeObject;
  const serverSide = flagBool(ctx.flags, 'server-side');
  const annotate = !serverSide;
  if (annotate) setAnnotation(modified);
  recordChangeCause(ctx, modified);
  const opts = { dryRun: dryRun === 'server', fieldValidation: fieldValidation(ctx), fieldManager: flagString(ctx.flags, 'field-manager') || 'kubectl-client-side-apply' };
  let current: KubeObject | undefined;
  try {
    current = ctx.api.tryGet(info.def, info.namespace, info.name);
  } catch (e) {
    throw addSourceToErr('retrieving current configuration of', info.source, e);
  }
  if (!current) {
    let created = modified;
    try {
      if (dryRun !== 'client') created = ctx.api.create(modified, opts);
    } catch (e) {
      throw addSourceToErr('creating', info.source, e);
    }
    return { object: created, operation: 'created' };
  }
  // apply.go: with --dry-run=client an existing object is printed as it is live, unpatched.
  if (dryRun === 'client') return { object: current, operation: 'configured' };
  if (annotate && current.metadata.annotations?.[LAST_APPLIED_ANNOTATION] === undefined) ctx.io.err(MISSING_ANNOTATION(info.def.resource, info.name));
  const originalText = current.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
  let original: unknown = {};
  try {
    original = originalText ? JSON.parse(originalText) : {};
  } catch {
    original = {};
  }
  const merged = threeWayMerge(original, modified, current, []) as KubeObject;
  merged.metadata.resourceVersion = modified.metadata.resourceVersion ?? current.metadata.resourceVersion;
  const changed = JSON.stringify(normalize(merged)) !== JSON.stringify(normalize(current));
  if (!changed) return { object: current, operation: 'unchanged' };
  let saved = merged;
  try {
    saved = ctx.api.update(merged, opts);
  } catch (e) {
    if (isApiError(e) && e.reason === 'Invalid') throw e;
    throw addSourceToErr('patching', info.source, e);
  }
  return { object: saved, operation: serverSide ? 'serverside-applied' : 'configured' };
}

function setAnnotation(obj: KubeObject): void {
  const value = lastAppliedValue(obj, false);
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: value };
}

/** Fields the comparison ignores: the server's bookkeeping. */
function normalize(obj: KubeObject): unknown {
  const { resourceVersion: _rv, managedFields: _mf, generation: _g, ...meta } = obj.metadata;
  return { ...obj, metadata: meta, status: undefined };
}
