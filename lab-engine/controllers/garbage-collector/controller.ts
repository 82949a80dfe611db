import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { KubeObject, OwnerReference, WatchEvent } from '../../api/types';
import { resourceKey, type DeletionPropagation } from '../../api/store';
import { cloneJson } from '../../api/clone';
import { tolerate } from '../common/claim';
import { DependencyGraph, nodeKey, parseNodeKey, type NodeKey } from './graph';

const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';

/**
 * pkg/controller/garbagecollector: deletes dependents whose owners are gone
 * (background), deletes dependents before the owner (foreground, the
 * `foregroundDeletion` finalizer, `blockOwnerDeletion`), and orphans
 * dependents (the `orphan` finalizer). Queue keys are graph NodeKeys.
 */
export class GarbageCollector implements Reconciler {
  readonly name = 'garbage-collector';
  readonly queue: Queue;
  readonly graph = new DependencyGraph();

  constructor(private readonly ctx: ClusterContext) {
    this.queue = ctx.runtime.register(this);
    ctx.store.watch((e) => this.onEvent(e));
    this.initialList();
  }

  /**
   * The informers' initial List (graph_builder.go: every monitor's store is
   * synced before the collector runs): objects stored before the collector
   * was installed enter the graph as ADDED, and those with owners or pending
   * deletion finalizers are queued, so a dependent whose owner is already
   * gone is collected too.
   */
  private initialList(): void {
    for (const def of this.ctx.registry.all()) {
      const resource = resourceKey(def);
      if (resource === 'events') continue;
      for (const object of this.ctx.store.peekList(resource)) this.onEvent({ type: 'ADDED', object, resource } as WatchEvent);
    }
  }

  private onEvent(e: WatchEvent): void {
    const resource = (e as WatchEvent & { resource: string }).resource;
    if (resource === 'events') return;
    const obj = e.object;
    const key = nodeKey(resource, obj);
    this.graph.observe(resource, obj, e.old, e.type === 'DELETED');
    if (e.type === 'DELETED') {
      // attemptToDelete every dependent; owners waiting on this dependent re-check.
      for (const dep of this.graph.dependents(obj.metadata.uid!)) this.queue.add(dep);
      this.queueWaitingOwners(e.old?.metadata.ownerReferences ?? obj.metadata.ownerReferences);
      return;
    }
    const fin = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && (fin.includes(FOREGROUND) || fin.includes(ORPHAN))) this.queue.add(key);
    if (obj.metadata.ownerReferences?.length) this.queue.add(key);
    if (e.old?.metadata.ownerReferences?.length) this.queueWaitingOwners(e.old.metadata.ownerReferences);
  }

  private queueWaitingOwners(refs: OwnerReference[] | undefined): void {
    for (const ref of refs ?? []) {
      const k = this.graph.locate(ref.uid);
      if (k) this.queue.add(k);
    }
  }

  reconcile(key: NodeKey): void {
    const { resource, namespace, name } = parseNodeKey(key);
    const obj = this.ctx.store.peek(resource, namespace, name);
    if (!obj) return;
    const fin = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && fin.includes(ORPHAN)) return this.orphanDependents(key, obj);
    if (obj.metadata.deletionTimestamp && fin.includes(FOREGROUND)) this.processDeletingDependents(key, obj);
    if (obj.metadata.ownerReferences?.length && !obj.metadata.deletionTimestamp) this.attemptToDelete(key, obj);
  }

  /** attemptToDeleteItem: classify owners into solid / dangling / waiting for dependents' deletion. */
  private attemptToDelete(key: NodeKey, obj: KubeObject): void {
    const solid: OwnerReference[] = [];
    const gone: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const owner = this.ownerOf(ref);
      if (!owner) gone.push(ref);
      else if (owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes(FOREGROUND)) waiting.push(ref);
      else solid.push(ref);
    }
    if (solid.length) {
      if (!gone.length && !waiting.length) return;
      const drop = new Set([...gone, ...waiting].map((r) => r.uid));
      return this.write(key, obj, (o) => {
        o.metadata.ownerReferences = o.metadata.ownerReferences!.filter((r) => !drop.has(r.uid));
      });
    }
    let policy: DeletionPropagation = 'Background';
    if (waiting.length && this.graph.dependents(obj.metadata.uid!).length) policy = 'Foreground';
    else if (obj.metadata.finalizers?.includes(ORPHAN)) policy = 'Orphan';
    else if (obj.metadata.finalizers?.includes(FOREGROUND)) policy = 'Foreground';
    this.delete(key, obj, policy);
  }

  /** processDeletingDependentsItem: drop `foregroundDeletion` once no blocking dependent is left. */
  private processDeletingDependents(key: NodeKey, owner: KubeObject): void {
    const blocking = this.graph.dependents(owner.metadata.uid!).filter((k) => {
      const dep = this.peekKey(k);
      return dep?.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion);
    });
    if (!blocking.length) {
      return this.write(key, owner, (o) => {
        o.metadata.finalizers = o.metadata.finalizers!.filter((f) => f !== FOREGROUND);
      });
    }
    for (const k of this.graph.dependents(owner.metadata.uid!)) this.queue.add(k);
  }

  /** orphanDependents: remove the owner's references from every dependent, then the `orphan` finalizer. */
  private orphanDependents(key: NodeKey, owner: KubeObject): void {
    for (const k of this.graph.dependents(owner.metadata.uid!)) {
      const dep = this.peekKey(k);
      if (!dep) continue;
      this.write(k, dep, (o) => {
        o.metadata.ownerReferences = o.metadata.ownerReferences!.filter((r) => r.uid !== owner.metadata.uid);
        if (!o.metadata.ownerReferences.length) delete o.metadata.ownerReferences;
      });
    }
    const fresh = this.peekKey(key);
    if (fresh) this.write(key, fresh, (o) => (o.metadata.finalizers = o.metadata.finalizers!.filter((f) => f !== ORPHAN)));
  }

  /** The live owner named by ref (same uid), if any. */
  private ownerOf(ref: OwnerReference): KubeObject | undefined {
    const k = this.graph.locate(ref.uid);
    const owner = k ? this.peekKey(k) : undefined;
    return owner && owner.metadata.uid === ref.uid && owner.kind === ref.kind ? owner : undefined;
  }

  private peekKey(k: NodeKey): KubeObject | undefined {
    const { resource, namespace, name } = parseNodeKey(k);
    return this.ctx.store.peek(resource, namespace, name);
  }

  private write(key: NodeKey, obj: KubeObject, edit: (o: KubeObject) => void): void {
    const next = cloneJson(obj);
    edit(next);
    if (next.metadata.finalizers && !next.metadata.finalizers.length) delete next.metadata.finalizers;
    tolerate(() => this.ctx.api().update(next));
    void key;
  }

  private delete(key: NodeKey, obj: KubeObject, propagationPolicy: DeletionPropagation): void {
    const { resource } = parseNodeKey(key);
    const def = this.ctx.registry.forResource(resource);
    if (!def) return;
    tolerate(() => this.ctx.api().delete(def, obj.metadata.namespace ?? '', obj.metadata.name!, { propagationPolicy, preconditions: { uid: obj.metadata.uid } }));
  }
}
