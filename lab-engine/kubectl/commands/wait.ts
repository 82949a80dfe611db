/**
 * `kubectl wait` (kubectl/pkg/cmd/wait): --for=delete|create|condition=C[=V]|jsonpath='{…}'[=V],
 * --timeout (default 30s) on virtual time. Prints `<kind>/<name> condition met` per object.
 */
import type { KubeObject } from '../../api/types';
import type { KindDef } from '../../api/registry';
import { resourceKey } from '../../api/store';
import type { CommandContext, CommandSpec } from '../types';
import { Interrupted, KubectlError } from '../types';
import { flagBool, flagString, parseDurationMs } from '../args';
import { findValues, parseJsonPath, qualifiedName, relaxedJsonPath } from '../output';
import { buildRequests, durationMs } from './get/requests';
import { INTERRUPTED_EXIT } from './get/watch';

export const wait: CommandSpec = {
  use: 'wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath=\'{}\'[=value]]',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  flags: [],
  run: runWait,
};

type Check = (obj: KubeObject | undefined) => boolean;

function parseFor(spec: string): { check: Check; deletion: boolean } {
  const lower = spec.toLowerCase();
  if (lower === 'delete') return { check: (o) => o === undefined, deletion: true };
  if (lower === 'create') return { check: (o) => o !== undefined, deletion: false };
  if (lower.startsWith('condition=')) {
    const rest = spec.slice('condition='.length);
    const eq = rest.indexOf('=');
    const cond = eq < 0 ? rest : rest.slice(0, eq);
    const value = eq < 0 ? 'true' : rest.slice(eq + 1);
    return {
      deletion: false,
      check: (o) => (o?.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type.toLowerCase() === cond.toLowerCase() && String(c.status).toLowerCase() === value.toLowerCase()),
    };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = spec.slice('jsonpath='.length);
    const close = rest.lastIndexOf('}');
    const expr = close >= 0 ? rest.slice(0, close + 1) : rest;
    const hasValue = close >= 0 && rest[close + 1] === '=';
    const value = hasValue ? rest.slice(close + 2) : undefined;
    const parsed = parseJsonPath(relaxedJsonPath(expr));
    return {
      deletion: false,
      check: (o) => {
        if (!o) return false;
        const vals = findValues(parsed, o, true).flat();
        if (vals.length === 0) return false;
        if (value === undefined) return true;
        return vals.length === 1 && (typeof vals[0] === 'object' ? JSON.stringify(vals[0]) : String(vals[0])) === value;
      },
    };
  }
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(spec)}`);
}

async function runWait(ctx: CommandContext): Promise<number> {
  const forSpec = flagString(ctx.flags, 'for');
  const { check, deletion } = parseFor(forSpec);
  const timeoutMs = durationMs(ctx, 'timeout', 30_000);
  const { requests } = buildRequests(ctx);
  if (requests.length === 0) throw new KubectlError('resource(s) were provided, but no name was specified');
  const targets: { def: KindDef; ns: string; name: string; obj?: KubeObject }[] = [];
  for (const r of requests) {
    if (r.names.length > 0) {
      for (const name of r.names) targets.push({ def: r.def, ns: r.namespace ?? '', name });
    } else {
      if (!flagBool(ctx.flags, 'all') && !flagString(ctx.flags, 'selector') && !flagBool(ctx.flags, 'all-namespaces')) throw new KubectlError('resource(s) were provided, but no name was specified');
      for (const o of ctx.api.list(r.def, { namespace: r.namespace, labelSelector: flagString(ctx.flags, 'selector') || undefined }).items) targets.push({ def: r.def, ns: o.metadata.namespace ?? '', name: o.metadata.name! });
    }
  }
  if (targets.length === 0) throw new KubectlError('no matching resources found');
  const peek = (t: (typeof targets)[number]) => ctx.host.cluster.store.peek(resourceKey(t.def), t.def.namespaced ? t.ns : '', t.name);
  for (const t of targets) {
    t.obj = peek(t);
    if (!t.obj && !deletion && forSpec.toLowerCase() !== 'create') ctx.api.get(t.def, t.ns, t.name);
  }
  let waitedMs = 0;
  // wait.go ignores NotFound for --for=delete: objects already gone print nothing.
  for (const t of targets.filter((x) => !(deletion && !x.obj))) {
    try {
      for (;;) {
        const cur = peek(t);
        if (check(cur)) {
          ctx.io.out(`${qualifiedName(cur ?? t.obj ?? { apiVersion: t.def.group ? `${t.def.group}/${t.def.version}` : t.def.version, kind: t.def.kind, metadata: { name: t.name } })} condition met\n`);
          break;
        }
        if (waitedMs >= timeoutMs) throw new KubectlError(`timed out waiting for the condition on ${t.def.resource}${t.def.group ? `.${t.def.group}` : ''}/${t.name}`);
        const step = Math.min(1000, timeoutMs - waitedMs);
        await ctx.host.sleep(step);
        waitedMs += step;
      }
    } catch (e) {
      if (e instanceof Interrupted) return INTERRUPTED_EXIT;
      throw e;
    }
  }
  return 0;
}
