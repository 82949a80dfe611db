import type { KubeObject } from '../../api/types';
import { resourceKey } from '../../api/store';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagInt, flagString } from '../args';
import { AggregateError, addSourceToErr } from '../check-err';
import { checkOutputFormat, dryRunStrategy, fieldValidation, printResult } from '../flags';
import { hasFilenames, infosFromFiles, type Info } from '../resource-builder';
import { LAST_APPLIED_ANNOTATION, lastAppliedValue } from '../apply/last-applied';
import { kindPrefix } from '../output';

/** `kubectl replace` (kubectl/pkg/cmd/replace/replace.go), with --force = delete + create. */
export const replace: CommandSpec = {
  use: 'replace -f FILENAME',
  short: 'Replace a resource by file name or stdin',
  flags: [],
  run: runReplace,
};

async function runReplace(ctx: CommandContext): Promise<number> {
  if (!hasFilenames(ctx)) throw new KubectlError("must specify --filename to replace\nSee 'kubectl replace -h' for help and examples");
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  const validation = fieldValidation(ctx);
  const force = flagBool(ctx.flags, 'force');
  if (!force && ctx.flags.changed.has('grace-period')) throw new KubectlError('--grace-period must have --force specified');
  const infos = infosFromFiles(ctx);
  const errors: Error[] = [];
  if (force) return forceReplace(ctx, infos);
  for (const info of infos) {
    const obj = info.object as KubeObject;
    saveConfig(ctx, obj);
    try {
      const current = ctx.api.get(info.def, info.namespace, info.name);
      if (!obj.metadata.resourceVersion) obj.metadata.resourceVersion = current.metadata.resourceVersion;
      const saved = dryRun === 'client' ? obj : ctx.api.update(obj, { dryRun: dryRun === 'server', fieldValidation: validation });
      printResult(ctx, saved, { operation: 'replaced', dryRun });
    } catch (e) {
      errors.push(addSourceToErr('replacing', info.source, e) as Error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

/** --save-config: keep the last-applied annotation current when the object had one. */
function saveConfig(ctx: CommandContext, obj: KubeObject): void {
  if (!flagBool(ctx.flags, 'save-config')) return;
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: lastAppliedValue(obj, false) };
}

/** replace --force: delete every object (waiting until gone), then create it again. */
async function forceReplace(ctx: CommandContext, infos: Info[]): Promise<number> {
  const grace = flagInt(ctx.flags, 'grace-period');
  const errors: Error[] = [];
  for (const info of infos) {
    try {
      const old = ctx.api.get(info.def, info.namespace, info.name);
      ctx.api.delete(info.def, info.namespace, info.name, { gracePeriodSeconds: grace >= 0 ? grace : undefined, propagationPolicy: 'Background' });
      ctx.io.out(`${kindPrefix(old.apiVersion, old.kind)} "${info.name}" deleted\n`);
      await waitGone(ctx, info, old.metadata.uid);
    } catch (e) {
      const err = e as { reason?: string };
      if (err.reason !== 'NotFound') {
        errors.push(addSourceToErr('deleting', info.source, e) as Error);
        continue;
      }
    }
    const obj = info.object as KubeObject;
    delete obj.metadata.resourceVersion;
    delete obj.metadata.uid;
    delete obj.metadata.creationTimestamp;
    saveConfig(ctx, obj);
    try {
      printResult(ctx, ctx.api.create(obj, { fieldValidation: fieldValidation(ctx) }), { operation: 'replaced' });
    } catch (e) {
      errors.push(addSourceToErr('replacing', info.source, e) as Error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

async function waitGone(ctx: CommandContext, info: Info, uid: string | undefined): Promise<void> {
  const timeoutMs = (ctx.flags.values.timeout as number) || 7 * 24 * 3600 * 1000;
  for (let waited = 0; waited < timeoutMs; waited += 250) {
    const cur = ctx.host.cluster.store.peek(resourceKey(info.def), info.namespace, info.name);
    if (!cur || cur.metadata.uid !== uid) return;
    await ctx.host.sleep(250);
  }
  throw new KubectlError(`timed out waiting for the condition on ${info.def.resource}/${info.name}`);
}

void flagString;
