import type { KubeObject } from '../../api/types';
import type { KindDef } from '../../api/registry';
import { isApiError } from '../../api/errors';
import { resourceKey } from '../../api/store';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagInt, flagString } from '../args';
import { AggregateError, addSourceToErr } from '../check-err';
import { dryRunStrategy, dryRunSuffix } from '../flags';
import { NO_RESOURCES_MESSAGE, hasFilenames, selectObjects, selectionFlags } from '../resource-builder';
import { kindPrefix } from '../output';

/** `kubectl delete` (kubectl/pkg/cmd/delete/delete.go). */
export const deleteCommand: CommandSpec = {
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: [],
  run: runDelete,
};

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

interface DeleteOptions {
  gracePeriod: number;
  propagation: 'Background' | 'Foreground' | 'Orphan';
  ignoreNotFound: boolean;
}

/** DeleteOptions.Complete + Validate, in kubectl's order. */
function completeDelete(ctx: CommandContext): DeleteOptions {
  const sel = selectionFlags(ctx);
  const output = flagString(ctx.flags, 'output');
  let grace = flagInt(ctx.flags, 'grace-period');
  const force = flagBool(ctx.flags, 'force');
  let ignoreNotFound = flagBool(ctx.flags, 'ignore-not-found');
  if ((sel.all || sel.selector || flagString(ctx.flags, 'field-selector')) && !ctx.flags.changed.has('ignore-not-found')) ignoreNotFound = true;
  if (flagBool(ctx.flags, 'now')) {
    if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const propagation = cascade(ctx);
  if (output && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  // the resource builder (SelectAllParam) refuses first, in Complete, before Validate's own check
  if (sel.all && sel.selector) throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
  if (sel.all && flagString(ctx.flags, 'field-selector')) throw new KubectlError('cannot set --all and --field-selector at the same time');
  if (grace === 0 && force) ctx.io.err(FORCE_WARNING);
  else if (grace > 0 && force) throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  return { gracePeriod: grace, propagation, ignoreNotFound };
}

/** GetCascadingStrategy: background|foreground|orphan, and the deprecated true/false. */
function cascade(ctx: CommandContext): DeleteOptions['propagation'] {
  const v = flagString(ctx.flags, 'cascade') || 'background';
  switch (v) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      throw new KubectlError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan".`);
  }
}

async function runDelete(ctx: CommandContext): Promise<number> {
  if (ctx.flags.args.length === 0 && !hasFilenames(ctx)) throw new KubectlError(NO_RESOURCES_MESSAGE);
  const opts = completeDelete(ctx);
  const dryRun = dryRunStrategy(ctx);
  const sel = selectionFlags(ctx);
  const { infos, errors } = selectObjects(ctx, { args: ctx.flags.args, files: true, sourceVerb: 'deleting', requireObject: false, ...sel });
  const failures = errors.filter((e) => !(opts.ignoreNotFound && isApiError(e) && e.reason === 'NotFound'));
  const deleted: { def: KindDef; object: KubeObject }[] = [];
  for (const info of infos) {
    try {
      ctx.api.delete(info.def, info.namespace, info.name, {
        dryRun: dryRun !== 'none',
        propagationPolicy: opts.propagation,
        gracePeriodSeconds: opts.gracePeriod >= 0 ? opts.gracePeriod : undefined,
      });
      printDeleted(ctx, info.def, info.name, opts.gracePeriod, dryRun);
      deleted.push({ def: info.def, object: info.object });
    } catch (e) {
      if (opts.ignoreNotFound && isApiError(e) && e.reason === 'NotFound') continue;
      failures.push(addSourceToErr('deleting', info.source, e) as Error);
    }
  }
  if (infos.length === 0 && failures.length === 0 && !opts.ignoreNotFound) ctx.io.out('No resources found\n');
  else if (infos.length === 0 && failures.length === 0 && (sel.all || sel.selector)) ctx.io.out('No resources found\n');
  if (dryRun === 'none' && flagBool(ctx.flags, 'wait') && deleted.length > 0) await waitForDeletion(ctx, deleted);
  if (failures.length > 0) throw new AggregateError(failures.map((e, i) => (i === 0 ? e : e)));
  return 0;
}

function printDeleted(ctx: CommandContext, def: KindDef, name: string, grace: number, dryRun: 'none' | 'client' | 'server'): void {
  const kind = kindPrefix(def.group ? `${def.group}/${def.version}` : def.version, def.kind);
  if (flagString(ctx.flags, 'output') === 'name') {
    ctx.io.out(`${kind}/${name}\n`);
    return;
  }
  const op = (grace === 0 ? 'force deleted' : 'deleted') + dryRunSuffix(dryRun);
  ctx.io.out(`${kind} "${name}" ${op}\n`);
}

/**
 * --wait: lets virtual time pass until every deleted object (same uid) is gone
 * (graceful pod termination, finalizers, namespace cleanup), up to --timeout.
 */
async function waitForDeletion(ctx: CommandContext, deleted: { def: KindDef; object: KubeObject }[]): Promise<void> {
  const timeoutMs = (ctx.flags.values.timeout as number) || 7 * 24 * 3600 * 1000;
  const store = ctx.host.cluster.store;
  const gone = () =>
    deleted.every(({ def, object }) => {
      const cur = store.peek(resourceKey(def), def.namespaced ? (object.metadata.namespace ?? '') : '', object.metadata.name ?? '');
      return !cur || cur.metadata.uid !== object.metadata.uid;
    });
  for (let waited = 0; !gone(); ) {
    if (waited >= timeoutMs) throw new KubectlError(`timed out waiting for the condition on ${deleted[0].def.resource}/${deleted[0].object.metadata.name}`);
    const step = waited < 10000 ? 250 : 1000;
    await ctx.host.sleep(step);
    waited += step;
  }
}
