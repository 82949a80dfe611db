import { isApiError, genericStatus } from '../../api/errors';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagInt, flagString } from '../args';
import { AggregateError } from '../check-err';
import { checkOutputFormat, dryRunStrategy, printResult, recordChangeCause } from '../flags';
import { NO_RESOURCES_MESSAGE, hasFilenames, selectObjects, selectionFlags } from '../resource-builder';

const SCALABLE = ['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'];

/** `kubectl scale` (kubectl/pkg/cmd/scale/scale.go) through the scale subresource. */
export const scale: CommandSpec = {
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  short: 'Set a new size for a deployment, replica set, replication controller, or stateful set',
  flags: [],
  requiredFlags: ['replicas'],
  run: runScale,
};

function runScale(ctx: CommandContext): number {
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  const replicas = flagInt(ctx.flags, 'replicas');
  if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (ctx.flags.args.length === 0 && !hasFilenames(ctx)) throw new KubectlError(NO_RESOURCES_MESSAGE);
  const sel = selectionFlags(ctx);
  const { infos, errors } = selectObjects(ctx, { args: ctx.flags.args, files: true, ...sel });
  if (infos.length === 0) {
    // scale.go: `no objects passed to scale %w` wraps the builder's error verbatim.
    const detail = errors.length > 0 ? ` ${isApiError(errors[0]) ? errors[0].status.message : errors[0].message}` : '';
    throw new KubectlError(`no objects passed to scale${detail}`);
  }
  const current = flagInt(ctx.flags, 'current-replicas');
  const resourceVersion = flagString(ctx.flags, 'resource-version');
  const failures: Error[] = [...errors];
  for (const info of infos) {
    if (!SCALABLE.includes(info.def.resource)) {
      failures.push(genericStatus(404, 'NotFound', 'the server could not find the requested resource'));
      continue;
    }
    const obj = info.object;
    if (current >= 0 && (obj.spec?.replicas ?? 1) !== current) {
      throw new KubectlError(`Expected replicas to be ${current}, was ${obj.spec?.replicas ?? 1}`);
    }
    if (resourceVersion && obj.metadata.resourceVersion !== resourceVersion) {
      throw new KubectlError(`precondition failed for: resource version ${resourceVersion}`);
    }
    const updated = { ...obj, spec: { ...obj.spec, replicas } };
    if (dryRun === 'client') {
      printResult(ctx, updated, { operation: 'scaled', dryRun });
      continue;
    }
    const patch: Record<string, unknown> = { spec: { replicas } };
    recordChangeCause(ctx, updated);
    if (updated.metadata.annotations?.['kubernetes.io/change-cause']) patch.metadata = { annotations: { 'kubernetes.io/change-cause': updated.metadata.annotations['kubernetes.io/change-cause'] } };
    const saved = ctx.api.patch(info.def, info.namespace, info.name, 'merge', patch, { dryRun: dryRun === 'server' });
    printResult(ctx, saved, { operation: 'scaled', dryRun });
  }
  if (failures.length > 0) throw new AggregateError(failures);
  return 0;
}
