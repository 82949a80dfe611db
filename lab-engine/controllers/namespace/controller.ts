import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { KubeObject, WatchEvent } from '../../api/types';
import type { KindDef } from '../../api/registry';
import { cloneJson, jsonEqual } from '../../api/clone';
import { resourceKey } from '../../api/store';
import { tolerate } from '../common/claim';
import { R } from '../common/kinds';

/** The finalizer the namespace controller owns (spec.finalizers). */
const KUBERNETES_FINALIZER = 'kubernetes';

interface NamespaceCondition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/**
 * pkg/controller/namespace (deletion/namespaced_resources_deleter.go): empties
 * a Terminating namespace, reports progress in its status conditions, then
 * removes the `kubernetes` finalizer so the API server can remove it.
 */
export class NamespaceController implements Reconciler {
  readonly name = 'namespace';
  readonly queue: Queue;

  constructor(private readonly ctx: ClusterContext) {
    this.queue = ctx.runtime.register(this);
    ctx.store.watch((e) => e.object.metadata.deletionTimestamp && this.queue.add(e.object.metadata.name!), { resource: R.namespaces });
    ctx.store.watch((e) => this.onContent(e));
  }

  /** Content changes in a terminating namespace re-run the deleter. */
  private onContent(e: WatchEvent): void {
    const ns = e.object.metadata.namespace;
    if (!ns || e.type !== 'DELETED' && !e.object.metadata.deletionTimestamp) return;
    if (this.ctx.store.peek(R.namespaces, '', ns)?.metadata.deletionTimestamp) this.queue.add(ns);
  }

  reconcile(name: string): void {
    const ns = this.ctx.store.peek(R.namespaces, '', name);
    if (!ns?.metadata.deletionTimestamp) return;
    if (!(ns.spec?.finalizers ?? []).includes(KUBERNETES_FINALIZER)) return;
    const kinds = this.namespacedKinds();
    for (const def of kinds) this.deleteAll(def, name);
    const remaining = this.estimate(kinds, name);
    this.writeConditions(ns, remaining);
    if (remaining.counts.length === 0) this.finalize(name);
  }

  private namespacedKinds(): KindDef[] {
    return this.ctx.registry
      .all()
      .filter((d) => d.namespaced && d.verbs.includes('delete'))
      .sort((a, b) => (resourceKey(a) < resourceKey(b) ? -1 : 1));
  }

  /** deleteAllContentForGroupVersionResource: deletecollection, i.e. a delete of every object not yet terminating. */
  private deleteAll(def: KindDef, ns: string): void {
    const api = this.ctx.api();
    for (const obj of this.ctx.store.peekList(resourceKey(def), ns)) {
      if (obj.metadata.deletionTimestamp) continue;
      tolerate(() => api.delete(def, ns, obj.metadata.name!, { preconditions: { uid: obj.metadata.uid } }));
    }
  }

  /** What is left, per resource, and which finalizers hold it. */
  private estimate(kinds: KindDef[], ns: string): { counts: string[]; finalizers: string[] } {
    const counts: string[] = [];
    const byFinalizer = new Map<string, number>();
    for (const def of kinds) {
      const left = this.ctx.store.peekList(resourceKey(def), ns);
      if (!left.length) continue;
      counts.push(`${def.resource}.${def.group} has ${left.length} resource instances`);
      for (const o of left) for (const f of o.metadata.finalizers ?? []) byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + 1);
    }
    const finalizers = [...byFinalizer].map(([f, n]) => `${f} in ${n} resource instances`);
    return { counts: counts.sort(), finalizers: finalizers.sort() };
  }

  /** The five deletion conditions v1.32 reports on a Terminating namespace, in upstream order. */
  private writeConditions(ns: KubeObject, left: { counts: string[]; finalizers: string[] }): void {
    const want: Omit<NamespaceCondition, 'lastTransitionTime'>[] = [
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      left.counts.length
        ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${left.counts.join(', ')}` }
        : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
      left.finalizers.length
        ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${left.finalizers.join(', ')}` }
        : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
    ];
    const old: NamespaceCondition[] = ns.status?.conditions ?? [];
    const now = this.ctx.clock.nowRfc3339();
    const conditions = want.map((c) => {
      const prev = old.find((o) => o.type === c.type);
      const same = prev && prev.status === c.status && prev.reason === c.reason && prev.message === c.message;
      return same ? prev : { type: c.type, status: c.status, lastTransitionTime: prev?.status === c.status ? prev.lastTransitionTime : now, reason: c.reason, message: c.message };
    });
    const status = { ...(ns.status ?? {}), phase: 'Terminating', conditions };
    if (jsonEqual(status, ns.status)) return;
    const next = cloneJson(ns);
    next.status = status;
    tolerate(() => this.ctx.api().updateStatus(next));
  }

  /** The `finalize` subresource: drop `kubernetes` from spec.finalizers. */
  private finalize(name: string): void {
    const ns = this.ctx.store.peek(R.namespaces, '', name);
    if (!ns) return;
    const next = cloneJson(ns);
    next.spec = { ...(next.spec ?? {}), finalizers: (ns.spec?.finalizers ?? []).filter((f: string) => f !== KUBERNETES_FINALIZER) };
    if (!next.spec.finalizers.length) delete next.spec.finalizers;
    tolerate(() => this.ctx.api().update(next));
  }
}
