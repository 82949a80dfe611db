/**
 * Test-only helpers: put fixture objects into a cluster's store exactly as
 * given (timestamps, status), the way the fidelity recordings' mock held them.
 */
import type { KubeObject } from '../api/types';
import type { ClusterContext } from '../sim/context';
import { resourceKey } from '../api/store';

/** Inserts or replaces objects verbatim (test fixtures only). */
export function seedObjects(cluster: ClusterContext, objs: KubeObject[]): void {
  const store = cluster.store as unknown as { commit(def: unknown, obj: KubeObject, old: KubeObject | undefined): void };
  for (const o of objs) {
    const def = cluster.registry.forKind(o.apiVersion, o.kind);
    if (!def) throw new Error(`no kind ${o.apiVersion} ${o.kind}`);
    const ns = def.namespaced ? o.metadata.namespace ?? 'default' : '';
    const obj = JSON.parse(JSON.stringify(o)) as KubeObject;
    if (def.namespaced) obj.metadata.namespace = ns;
    obj.metadata.uid ??= `uid-${o.kind}-${o.metadata.name}`;
    const old = cluster.store.peek(resourceKey(def), ns, o.metadata.name!);
    store.commit(def, obj, old);
  }
}

/** RFC 3339 of `now - ms`. */
export function ago(nowMs: number, ms: number): string {
  return new Date(nowMs - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
