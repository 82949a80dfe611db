/**
 * What `kubectl get`/`describe` asked for: resource args (`pods`, `deploy,svc`,
 * `all`, `pod/x`, `pods a b`) or -f files, resolved to per-kind requests.
 */
import { DISCOVERY } from '../../../api/discovery';
import type { KindDef } from '../../../api/registry';
import type { KubeObject } from '../../../api/types';
import type { CommandContext } from '../../types';
import { KubectlError } from '../../types';
import { flagBool, flagString, parseDurationMs } from '../../args';
import { hasFilenames, infosFromFiles } from '../../resource-builder';

export interface GetRequest {
  def: KindDef;
  /** Names to get; empty = list. */
  names: string[];
  /** Namespace to read from; undefined = all namespaces. */
  namespace: string | undefined;
}

const TYPE_SEPARATE_ERROR =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

/** Discovery order of groups for category expansion (`all`). */
const GROUP_ORDER = ['', 'apps', 'autoscaling', 'batch'];

/** Resolves one type word: a resource, or a category like `all` (expanded in discovery order). */
export function resolveTypes(ctx: CommandContext, word: string): KindDef[] {
  const reg = ctx.host.cluster.registry;
  const def = reg.resolve(word);
  if (def) {
    // cli-runtime's shortcut expander: a short name several groups share resolves to the preferred one, with a warning
    const lower = word.toLowerCase();
    if ((def.shortNames ?? []).includes(lower)) {
      for (const other of DISCOVERY) {
        if ((other.group !== def.group || other.resource !== def.resource) && (other.shortNames ?? []).includes(lower)) {
          ctx.io.err(`Warning: short name "${lower}" could also match lower priority resource ${other.resource}.${other.group}\n`);
        }
      }
    }
    return [def];
  }
  const lower = word.toLowerCase();
  const members = reg.all().filter((d) => (d.categories ?? []).includes(lower));
  if (members.length === 0) throw new KubectlError(`the server doesn't have a resource type "${word}"`);
  const rank = (d: KindDef) => {
    const i = GROUP_ORDER.indexOf(d.group);
    return i < 0 ? GROUP_ORDER.length : i;
  };
  return [...members].sort((a, b) => rank(a) - rank(b) || (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
}

function namespaceOf(ctx: CommandContext, def: KindDef, allNamespaces: boolean): string | undefined {
  if (!def.namespaced) return '';
  return allNamespaces ? undefined : ctx.namespace;
}

/** Builds the requests; `singleItemImplied` when exactly one named object was asked for. */
export function buildRequests(ctx: CommandContext, opts: { allowAllNamespaces?: boolean } = {}): { requests: GetRequest[]; singleItemImplied: boolean; fileObjects?: KubeObject[] } {
  const all = (opts.allowAllNamespaces ?? true) && flagBool(ctx.flags, 'all-namespaces');
  const args = ctx.flags.args;
  const selector = flagString(ctx.flags, 'selector');
  if (hasFilenames(ctx)) {
    if (args.length > 0) throw new KubectlError('Unexpected args: [' + args.join(' ') + ']');
    const infos = infosFromFiles(ctx, { validate: false });
    const requests = infos.map((i) => ({ def: i.def, names: [i.name], namespace: i.def.namespaced ? i.namespace || ctx.namespace : '' }));
    return { requests, singleItemImplied: infos.length === 1 };
  }
  if (args.length === 0) return { requests: [], singleItemImplied: false };
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) throw new KubectlError(TYPE_SEPARATE_ERROR);
    const requests = args.map((a) => {
      const parts = a.split('/');
      if (parts.length !== 2 || !parts[0] || !parts[1]) throw new KubectlError('arguments in resource/name form must have a single resource and name');
      const def = resolveTypes(ctx, parts[0])[0];
      return { def, names: [parts[1]], namespace: def.namespaced ? ctx.namespace : '' };
    });
    if (selector) throw new KubectlError('name cannot be provided when a selector is specified');
    return { requests, singleItemImplied: requests.length === 1 };
  }
  const types = args[0].split(',').filter(Boolean);
  const names = args.slice(1);
  if (types.length > 1 && names.length > 0) throw new KubectlError('arguments in resource/name form must have a single resource and name');
  if (names.length > 0 && selector) throw new KubectlError('name cannot be provided when a selector is specified');
  const defs = types.flatMap((t) => resolveTypes(ctx, t));
  if (names.length > 0 && all) throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  const requests = defs.map((def) => ({ def, names, namespace: names.length > 0 ? (def.namespaced ? ctx.namespace : '') : namespaceOf(ctx, def, all) }));
  return { requests, singleItemImplied: requests.length === 1 && names.length === 1 };
}

/** A duration flag in ms (the parser stores durations as ms numbers; strings are parsed). */
export function durationMs(ctx: CommandContext, name: string, def: number): number {
  const v = ctx.flags.values[name];
  if (typeof v === 'number') return ctx.flags.changed.has(name) ? v : (v || def);
  if (typeof v === 'string' && v) return parseDurationMs(v);
  return def;
}
