import type { ClusterContext } from '../sim/context';
import type { ApiClient, ListOptions } from '../api/client';
import type { KindDef } from '../api/registry';
import type { KubeObject } from '../api/types';
import { resourceKey } from '../api/store';
import { matches, parseSelector } from '../api/selectors/label-selector';
import { matchesFields, parseFieldSelector } from '../api/selectors/field-selector';
import type { FacadeResponse } from './types';

/**
 * A watch stream: one JSON event per line as the cluster changes. Events
 * that happened before the watch started are not replayed (the store keeps
 * no history); kubectl lists first and then watches, which is what it needs.
 */
export function watchResponse(
  cluster: ClusterContext,
  api: ApiClient,
  def: KindDef,
  opts: ListOptions,
  toTable?: (objs: KubeObject[]) => Record<string, unknown>,
): FacadeResponse {
  api.list(def, opts); // authorization and selector errors surface before the stream starts
  const labelSel = opts.labelSelector ? parseSelector(opts.labelSelector) : null;
  const fieldSel = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector, def.kind) : null;
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    watch: (send) =>
      cluster.store.watch(
        (ev) => {
          const o = ev.object;
          if (labelSel && !matches(labelSel, o.metadata.labels)) return;
          if (fieldSel && !matchesFields(fieldSel, o)) return;
          const object = toTable ? toTable([o]) : o;
          send(`${JSON.stringify({ type: ev.type, object })}\n`);
        },
        { resource: resourceKey(def), namespace: def.namespaced ? opts.namespace : undefined },
      ),
  };
}
