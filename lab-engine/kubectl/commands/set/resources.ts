import type { CommandSpec } from '../../types';
import { KubectlError } from '../../types';
import { flagString } from '../../args';
import { podSpecOf, runSet, selectContainers } from './common';
import { QUANTITY_MSG, parseQuantity } from '../../../api/quantity';

function parseResourceList(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const p of spec.split(',')) {
    const [k, v] = p.split('=');
    if (v === undefined) throw new KubectlError(`Invalid argument syntax ${p}, expected <resource>=<value>`);
    if (!parseQuantity(v)) throw new KubectlError(QUANTITY_MSG);
    out[k] = v;
  }
  return out;
}

/** `kubectl set resources` (set_resources.go): --limits / --requests, `0` removes. */
export const setResources: CommandSpec = {
  use: 'resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]',
  short: 'Update resource requests/limits on objects with pod templates',
  flags: [],
  run(ctx) {
    const limits = parseResourceList(flagString(ctx.flags, 'limits'));
    const requests = parseResourceList(flagString(ctx.flags, 'requests'));
    if (Object.keys(limits).length === 0 && Object.keys(requests).length === 0) {
      throw new KubectlError('you must specify an update to requests or limits (in the form of --requests/--limits)');
    }
    const pattern = flagString(ctx.flags, 'containers') || '*';
    return runSet(ctx, {
      resources: ctx.flags.args,
      operation: 'resource requirements updated',
      mutate(obj, info) {
        const spec = podSpecOf(obj);
        if (!spec) return false;
        const containers = selectContainers([...(spec.initContainers ?? []), ...(spec.containers ?? [])], pattern);
        if (containers.length === 0) {
          throw new KubectlError(`error: ${info.def.resource}/${info.name} does not have any containers matching ${JSON.stringify(pattern)}`);
        }
        for (const c of containers) {
          const r = (c.resources ?? {}) as { limits?: Record<string, string>; requests?: Record<string, string> };
          for (const [which, list] of [['limits', limits], ['requests', requests]] as const) {
            if (Object.keys(list).length === 0) continue;
            const cur = { ...(r[which] ?? {}) };
            for (const [k, v] of Object.entries(list)) {
              if (parseQuantity(v)?.value === 0) delete cur[k];
              else cur[k] = v;
            }
            if (Object.keys(cur).length > 0) r[which] = cur;
            else delete r[which];
          }
          c.resources = r;
        }
        return true;
      },
    });
  },
};
