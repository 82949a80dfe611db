import type { ClusterContext } from '../../sim/context';
import type { KindDef } from '../../api/registry';

/** Resource keys of the kinds the controllers read (store keys: `<resource>[.<group>]`). */
export const R = {
  pods: 'pods',
  nodes: 'nodes',
  namespaces: 'namespaces',
  leases: 'leases.coordination.k8s.io',
  pvcs: 'persistentvolumeclaims',
  replicaSets: 'replicasets.apps',
  deployments: 'deployments.apps',
  statefulSets: 'statefulsets.apps',
  daemonSets: 'daemonsets.apps',
  controllerRevisions: 'controllerrevisions.apps',
  jobs: 'jobs.batch',
  cronJobs: 'cronjobs.batch',
} as const;

/** The KindDef for a resource key; a missing built-in kind is a bug. */
export function defOf(ctx: Pick<ClusterContext, 'registry'>, resourceKey: string): KindDef {
  const def = ctx.registry.forResource(resourceKey);
  if (!def) throw new Error(`controllers: resource ${resourceKey} is not registered`);
  return def;
}

/** Splits a queue key `ns/name` (cluster-scoped: `name`). */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return i < 0 ? ['', key] : [key.slice(0, i), key.slice(i + 1)];
}

export function keyOf(obj: { metadata: { namespace?: string; name?: string } }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : `${obj.metadata.name}`;
}
