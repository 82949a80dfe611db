/** Reads what the requests name from the API (one group of objects per request, in order). */
import type { KindDef } from '../../../api/registry';
import type { KubeObject } from '../../../api/types';
import { ApiError, isApiError } from '../../../api/errors';
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
      const labelSelector = flagString(ctx.flags, 'selector');
      const fieldSelector = flagString(ctx.flags, 'field-selector');
      let list;
      try {
        list = ctx.api.list(r.def, { namespace: r.namespace, labelSelector: labelSelector || undefined, fieldSelector: fieldSelector || undefined, shared: true });
      } catch (e) {
        throw selectorListError(e, r.def, labelSelector, fieldSelector);
      }
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

/**
 * cli-runtime resource/selector.go Visit: a BadRequest or NotFound from a list keeps its
 * reason but gets the request in its message (`Unable to find "/v1, Resource=pods" that match …`).
 */
function selectorListError(e: unknown, def: KindDef, labelSelector: string, fieldSelector: string): unknown {
  if (!isApiError(e) || (e.reason !== 'BadRequest' && e.reason !== 'NotFound')) return e;
  const gvr = `${def.group}/${def.version}, Resource=${def.resource}`;
  const message = !labelSelector && !fieldSelector
    ? `Unable to list ${JSON.stringify(gvr)}: ${e.status.message}`
    : `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${e.status.message}`;
  return new ApiError({ ...e.status, message });
}
