import type { KubeObject } from '../api/types';
import type { Store } from '../api/store';

/** What assertInvariants needs of a cluster (the Cluster class, or a test double). */
export interface InvariantSubject {
  readonly store: Store;
  snapshot(): KubeObject[];
}

export interface InvariantOptions {
  /** Pods bound to a deleted node are legitimate until pod GC's quarantine (40 s) ends. */
  allowPodsOnMissingNodes?: boolean;
}

const lastSeen = new WeakMap<InvariantSubject, { rv: number; byUid: Map<string, number> }>();

/**
 * Checks what must hold after every settle (STYLE.md "Determinism"): owner
 * references resolve, replica counts add up, no pod is bound to a missing
 * node, resourceVersions only increase. Throws one Error listing every
 * violation (a bug), so a failing seed shows everything at once.
 */
export function assertInvariants(cluster: InvariantSubject, opts: InvariantOptions = {}): void {
  const objects = cluster.snapshot();
  const problems = [...resourceVersions(cluster, objects), ...ownerReferences(objects), ...replicaCounts(cluster.store), ...podsOnNodes(cluster.store, opts)];
  if (problems.length) throw new Error(`invariants violated:\n  ${problems.join('\n  ')}`);
}

const id = (o: KubeObject) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
const active = (p: KubeObject) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';

function resourceVersions(cluster: InvariantSubject, objects: KubeObject[]): string[] {
  const out: string[] = [];
  const storeRv = cluster.store.resourceVersion();
  const prev = lastSeen.get(cluster);
  if (prev && storeRv < prev.rv) out.push(`store resourceVersion went back from ${prev.rv} to ${storeRv}`);
  const seen = new Set<number>();
  const byUid = new Map<string, number>();
  for (const o of objects) {
    const rv = Number(o.metadata.resourceVersion);
    if (!Number.isInteger(rv) || rv <= 0 || rv > storeRv) out.push(`${id(o)} has resourceVersion ${o.metadata.resourceVersion} (store at ${storeRv})`);
    if (seen.has(rv)) out.push(`${id(o)} shares resourceVersion ${rv} with another object`);
    seen.add(rv);
    const before = prev?.byUid.get(o.metadata.uid!);
    if (before !== undefined && rv < before) out.push(`${id(o)} resourceVersion went back from ${before} to ${rv}`);
    byUid.set(o.metadata.uid!, rv);
  }
  lastSeen.set(cluster, { rv: storeRv, byUid });
  return out;
}

/** Every owner reference of a live object names an existing object (same uid, kind, name; same namespace or cluster-scoped). */
function ownerReferences(objects: KubeObject[]): string[] {
  const byUid = new Map(objects.map((o) => [o.metadata.uid!, o]));
  const out: string[] = [];
  for (const o of objects) {
    if (o.metadata.deletionTimestamp) continue;
    for (const ref of o.metadata.ownerReferences ?? []) {
      const owner = byUid.get(ref.uid);
      if (!owner || owner.kind !== ref.kind || owner.metadata.name !== ref.name) out.push(`${id(o)} has a dangling ownerReference to ${ref.kind} ${ref.name} (${ref.uid})`);
      else if (owner.metadata.namespace && owner.metadata.namespace !== o.metadata.namespace) out.push(`${id(o)} is owned across namespaces by ${id(owner)}`);
    }
    if ((o.metadata.ownerReferences ?? []).filter((r) => r.controller).length > 1) out.push(`${id(o)} has more than one controller reference`);
  }
  return out;
}

function ownedBy(store: Store, resource: string, owner: KubeObject): KubeObject[] {
  return store.peekList(resource, owner.metadata.namespace).filter((o) => o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid));
}

/** Status counts agree with the objects they count; settled ReplicaSets have the pods they want. */
function replicaCounts(store: Store): string[] {
  const out: string[] = [];
  for (const rs of store.peekList('replicasets.apps')) {
    const pods = ownedBy(store, 'pods', rs).filter(active).length;
    if ((rs.status?.replicas ?? 0) !== pods) out.push(`${id(rs)} status.replicas=${rs.status?.replicas ?? 0} but it owns ${pods} active pods`);
    const failing = (rs.status?.conditions ?? []).some((c: { type: string }) => c.type === 'ReplicaFailure');
    if (!rs.metadata.deletionTimestamp && !failing && pods !== (rs.spec?.replicas ?? 1)) out.push(`${id(rs)} wants ${rs.spec?.replicas ?? 1} pods but has ${pods}`);
  }
  for (const d of store.peekList('deployments.apps')) {
    const sets = ownedBy(store, 'replicasets.apps', d);
    const sum = sets.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
    if ((d.status?.replicas ?? 0) !== sum) out.push(`${id(d)} status.replicas=${d.status?.replicas ?? 0} but its ReplicaSets have ${sum}`);
    const newest = sets.filter((rs) => (rs.spec?.replicas ?? 0) > 0).length;
    if (!d.spec?.paused && d.spec?.strategy?.type === 'Recreate' && newest > 1) out.push(`${id(d)} (Recreate) has ${newest} ReplicaSets with replicas`);
  }
  for (const sts of store.peekList('statefulsets.apps')) {
    const pods = ownedBy(store, 'pods', sts).length;
    if ((sts.status?.replicas ?? 0) !== pods) out.push(`${id(sts)} status.replicas=${sts.status?.replicas ?? 0} but it owns ${pods} pods`);
  }
  for (const job of store.peekList('jobs.batch')) {
    const pods = ownedBy(store, 'pods', job).filter(active).length;
    if ((job.status?.active ?? 0) !== pods) out.push(`${id(job)} status.active=${job.status?.active ?? 0} but it owns ${pods} active pods`);
  }
  return out;
}

function podsOnNodes(store: Store, opts: InvariantOptions): string[] {
  if (opts.allowPodsOnMissingNodes) return [];
  const nodes = new Set(store.peekList('nodes').map((n) => n.metadata.name));
  return store
    .peekList('pods')
    .filter((p) => p.spec?.nodeName && !nodes.has(p.spec.nodeName))
    .map((p) => `${id(p)} is bound to missing node ${p.spec.nodeName}`);
}
