/**
 * `kubectl describe (TYPE [NAME_PREFIX] | TYPE/NAME)` (kubectl/pkg/cmd/describe/describe.go):
 * exact name first, else every object whose name starts with the prefix.
 */
import type { KubeObject } from '../../api/types';
import { isApiError } from '../../api/errors';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { AggregateError } from '../check-err';
import { describeObject } from '../describe';
import { buildRequests } from './get/requests';

export const describe: CommandSpec = {
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  short: 'Show details of a specific resource or group of resources',
  flags: [],
  run: runDescribe,
};

function runDescribe(ctx: CommandContext): number {
  if (ctx.flags.args.length === 0 && !flagString(ctx.flags, 'filename')) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.', 1, true);
  }
  const { requests } = buildRequests(ctx);
  const objs: KubeObject[] = [];
  const errors: Error[] = [];
  let byPrefix = false;
  for (const r of requests) {
    if (r.names.length === 0) {
      const list = ctx.api.list(r.def, { namespace: r.namespace, labelSelector: flagString(ctx.flags, 'selector') || undefined });
      objs.push(...list.items);
      continue;
    }
    for (const name of r.names) {
      try {
        objs.push(ctx.api.get(r.def, r.namespace ?? '', name));
      } catch (e) {
        if (!isApiError(e) || e.reason !== 'NotFound') throw e;
        const prefixed = ctx.api.list(r.def, { namespace: r.namespace }).items.filter((o) => (o.metadata.name ?? '').startsWith(name));
        if (prefixed.length === 0) errors.push(e);
        else byPrefix = true;
        objs.push(...prefixed);
      }
    }
  }
  if (objs.length === 0 && errors.length === 0) {
    const all = flagBool(ctx.flags, 'all-namespaces');
    // describe.go: the namespace is named even for cluster-scoped kinds
    ctx.io.err(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const nowMs = ctx.host.cluster.clock.nowMs();
  const showEvents = ctx.flags.values['show-events'] !== false;
  // DescribeMatchingResources (TYPE PREFIX) prints each match followed by a newline; Run separates with two
  if (byPrefix) objs.forEach((o) => ctx.io.out(`${describeObject(o, ctx.host.cluster.store, nowMs, showEvents)}\n`));
  else objs.forEach((o, i) => ctx.io.out((i === 0 ? '' : '\n\n') + describeObject(o, ctx.host.cluster.store, nowMs, showEvents)));
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}
