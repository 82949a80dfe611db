import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandSpec } from '../types';
import { AggregateError } from '../check-err';
import { dryRunStrategy, dryRunSuffix, printResult } from '../flags';
import { flagString } from '../args';
import { selectObjects } from '../resource-builder';
import { usageError } from './create/common';
import { qualifiedName } from '../output';

/** The nodes named by NODE arguments or -l (drain.go RunCordonOrUncordon), with the Use-based usage error. */
export function selectNodes(ctx: CommandContext, use: string): { nodes: KubeObject[]; errors: Error[] } {
  const selector = flagString(ctx.flags, 'selector');
  if (ctx.flags.args.length === 0 && !ctx.flags.changed.has('selector')) throw usageError(ctx, `USAGE: ${use} [flags]`);
  const args = ctx.flags.args.length > 0 ? ['nodes', ...ctx.flags.args] : ['nodes'];
  const { infos, errors } = selectObjects(ctx, { args, selector, all: !selector && ctx.flags.args.length === 0 });
  return { nodes: infos.map((i) => i.object), errors };
}

/** cordon/uncordon: patch spec.unschedulable, or say it already is. */
export function runCordonOrUncordon(ctx: CommandContext, desired: boolean): number {
  const verb = desired ? 'cordoned' : 'uncordoned';
  const dryRun = dryRunStrategy(ctx);
  const { nodes, errors } = selectNodes(ctx, desired ? 'cordon NODE' : 'uncordon NODE');
  const def = ctx.host.cluster.registry.forKind('v1', 'Node')!;
  for (const node of nodes) {
    if (!!node.spec?.unschedulable === desired) {
      ctx.io.out(`${qualifiedName(node)} already ${verb}${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    if (dryRun !== 'client') ctx.api.patch(def, '', node.metadata.name!, 'merge', { spec: { unschedulable: desired ? true : null } }, { dryRun: dryRun === 'server' });
    printResult(ctx, node, { operation: verb, dryRun });
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

export const cordon: CommandSpec = {
  use: 'cordon NODE',
  short: 'Mark node as unschedulable',
  flags: [],
  run: (ctx) => runCordonOrUncordon(ctx, true),
};
