/** Reads what the requests name from the API (one group of objects per request, in order). */
import type { KindDef } from '../../../api/registry';
import type { KubeObject } from '../../../api/types';
import { isApiError } from '../../../api/errors';
import type { CommandContext } from '../../types';
import { flagBool, flagString } from '../../args';
import type { GetRequest } from './requests';

export interface Group {
  def: KindDef;
  objects: KubeObject[];
  /** True for a list request (the server always answers, even with no items). */
  listed: boolean;
}

export function fetchGroups(ctx: CommandContext, requests: GetRequest[]): { groups: Group[]; errors: Error[] } {
  const groups: Group[] = [];
  const errors: Error[] = [];
  const ignoreNotFound = flagBool(ctx.flags, 'ignore-not-found');
  for (const r of requests) {
    if (r.names.length === 0) {
      const list = ctx.api.list(r.def, {
        namespace: r.namespace,
        labelSelector: flagString(ctx.flags, 'selector') || undefined,
        fieldSelector: flagString(ctx.flags, 'field-selector') || undefined,
      });
      groups.push({ def: r.def, objects: list.items, listed: true });
      continue;
    }
    const objects: KubeObject[] = [];
    for (const name of r.names) {
      try {
        objects.push(ctx.api.get(r.def, r.namespace ?? '', name));
      } catch (e) {
        if (isApiError(e) && e.reason === 'NotFound' && ignoreNotFound) continue;
        if (!(e instanceof Error)) throw e;
        errors.push(e);
      }
    }
    if (objects.length > 0) groups.push({ def: r.def, objects, listed: false });
  }
  return { groups, errors };
}

/** Merges consecutive groups of the same kind (kubectl keeps one printer per mapping). */
export function mergeGroups(groups: Group[]): Group[] {
  const out: Group[] = [];
  for (const g of groups) {
    const last = out[out.length - 1];
    if (last && last.def === g.def) last.objects = [...last.objects, ...g.objects];
    else out.push({ ...g });
  }
  return out;
}

export function stripManagedFields(obj: KubeObject): KubeObject {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _m, ...meta } = obj.metadata;
  return { ...obj, metadata: meta };
}
