import type { KindDef } from '../../api/registry';
import type { CommandContext } from '../types';
import { KubectlError } from '../types';

/** A resource argument group: `pods a b` → {def: pods, names: [a, b]}. */
export interface ResourceTarget {
  def: KindDef;
  names: string[];
}

const TYPE_SEPARATE_ERROR =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

/** Resolves a resource type argument like kubectl's RESTMapper, or `the server doesn't have a resource type`. */
export function resolveType(ctx: CommandContext, arg: string): KindDef {
  const def = ctx.host.cluster.registry.resolve(arg);
  if (!def) throw new KubectlError(`the server doesn't have a resource type "${arg}"`);
  return def;
}

/**
 * cli-runtime Builder.ResourceTypeOrNameArgs: either `TYPE[,TYPE…] [NAME…]`
 * or only `TYPE/NAME` words. Returns targets in argument order.
 */
export function parseResourceArgs(ctx: CommandContext, args: string[]): ResourceTarget[] {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) throw new KubectlError(TYPE_SEPARATE_ERROR);
    return args.map((a) => {
      const parts = a.split('/');
      if (parts.length !== 2 || !parts[0] || !parts[1]) throw new KubectlError('arguments in resource/name form must have a single resource and name');
      return { def: resolveType(ctx, parts[0]), names: [parts[1]] };
    });
  }
  const types = args[0].split(',').filter(Boolean);
  const names = args.slice(1);
  if (types.length > 1 && names.length > 0) throw new KubectlError('arguments in resource/name form must have a single resource and name');
  return types.map((t) => ({ def: resolveType(ctx, t), names }));
}

/** Namespace for a kind: '' for cluster-scoped kinds. */
export function namespaceFor(ctx: CommandContext, def: KindDef): string {
  return def.namespaced ? ctx.namespace : '';
}
