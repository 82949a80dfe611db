import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../../api/types';
import { applyPatch, type PatchType } from '../../api/patch';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { AggregateError } from '../check-err';
import { checkOutputFormat, dryRunStrategy, fieldValidation, printResult, recordChangeCause } from '../flags';
import { NO_RESOURCES_MESSAGE, hasFilenames, selectObjects } from '../resource-builder';

/** `kubectl patch` (kubectl/pkg/cmd/patch/patch.go). */
export const patch: CommandSpec = {
  use: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  short: 'Update fields of a resource',
  flags: [],
  run: runPatch,
};

const TYPES: Record<string, PatchType> = { json: 'json', merge: 'merge', strategic: 'strategic' };

/** The patch text, as JSON or YAML (patch.go: yaml.ToJSON). */
function readPatch(ctx: CommandContext): unknown {
  const inline = flagString(ctx.flags, 'patch');
  const file = flagString(ctx.flags, 'patch-file');
  if (inline && file) throw new KubectlError('cannot specify --patch and --patch-file together');
  let text = inline;
  if (file) {
    const t = ctx.host.readFile(file);
    if (t === undefined) throw new KubectlError(`unable to read patch file: open ${file}: no such file or directory`);
    text = t;
  }
  if (!text) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  try {
    return parseYaml(text, { version: '1.1' });
  } catch (e) {
    throw new KubectlError(`unable to parse "${text}": yaml: ${(e as Error).message.split('\n')[0]}`);
  }
}

function runPatch(ctx: CommandContext): number {
  const typeName = flagString(ctx.flags, 'type') || 'strategic';
  const type = TYPES[typeName];
  if (!type) throw new KubectlError(`--type must be one of [json merge strategic], not "${typeName}"`);
  const body = readPatch(ctx);
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  const local = flagBool(ctx.flags, 'local');
  if (ctx.flags.args.length === 0 && !hasFilenames(ctx)) throw new KubectlError(NO_RESOURCES_MESSAGE);
  if (local && ctx.flags.args.length > 0) throw new KubectlError('cannot specify --local and server resources');
  const { infos, errors } = selectObjects(ctx, { args: ctx.flags.args, files: true, local });
  const subresource = flagString(ctx.flags, 'subresource');
  for (const info of infos) {
    const before = info.object;
    if (local || dryRun === 'client') {
      const after = applyPatch(before, type, body);
      printResult(ctx, after, { operation: 'patched', dryRun: local ? 'none' : dryRun });
      continue;
    }
    const annotated = { ...before, metadata: { ...before.metadata } } as KubeObject;
    recordChangeCause(ctx, annotated);
    const cause = annotated.metadata.annotations?.['kubernetes.io/change-cause'];
    let saved = ctx.api.patch(info.def, info.namespace, info.name, type, body, { dryRun: dryRun === 'server', fieldValidation: fieldValidation(ctx), subresource: subresource === 'status' ? 'status' : undefined });
    if (cause && saved.metadata.annotations?.['kubernetes.io/change-cause'] !== cause) {
      saved = ctx.api.patch(info.def, info.namespace, info.name, 'merge', { metadata: { annotations: { 'kubernetes.io/change-cause': cause } } });
    }
    const changed = saved.metadata.resourceVersion !== before.metadata.resourceVersion;
    printResult(ctx, saved, { operation: changed ? 'patched' : 'patched (no change)', dryRun });
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}
