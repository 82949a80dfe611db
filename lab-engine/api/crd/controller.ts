import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../types';
import { cloneJson } from '../clone';
import { resourceKey } from '../store';
import { kindDefForCrd } from './custom-resource-kind';
import { CRD_CLEANUP_FINALIZER } from '../kinds/custom-resource-definition';

const CRDS = 'customresourcedefinitions.apiextensions.k8s.io';
const USER = { username: 'system:apiserver', groups: ['system:masters'] };

/**
 * The apiextensions-apiserver controllers in one: the naming controller
 * (NamesAccepted), the establishing controller (Established), serving the
 * kind through the registry, and the finalizer that deletes every custom
 * resource before the CRD goes. The kind is registered as soon as the CRD is
 * stored, so `kubectl apply -f crd.yaml -f cr.yaml` works in one go.
 */
export function installCrdController(ctx: ClusterContext): void {
  const queue = ctx.runtime.register({ name: 'crd-controller', reconcile: (name) => reconcile(ctx, name) });
  ctx.store.watch((ev) => {
    const crd = ev.object;
    if (ev.type !== 'DELETED' && !crd.metadata.deletionTimestamp && namesFree(ctx, crd)) ctx.registry.add(kindDefForCrd(crd));
    queue.add(crd.metadata.name ?? '');
  }, { resource: CRDS });
}

function namesFree(ctx: ClusterContext, crd: KubeObject): boolean {
  const existing = ctx.registry.forResource(crd.spec.names.plural, crd.spec.group);
  return !existing || existing.kind === crd.spec.names.kind;
}

function reconcile(ctx: ClusterContext, name: string): void {
  const crd = ctx.store.peek(CRDS, '', name);
  if (!crd) return;
  if (crd.metadata.deletionTimestamp) return finalize(ctx, crd);
  const now = ctx.clock.nowRfc3339();
  const status = cloneJson(crd.status ?? {});
  const conditions: Record<string, unknown>[] = status.conditions ?? [];
  const set = (type: string, reason: string, message: string) => {
    if (conditions.some((c) => c.type === type && c.status === 'True')) return;
    const others = conditions.filter((c) => c.type !== type);
    conditions.length = 0;
    conditions.push(...others, { lastTransitionTime: now, message, reason, status: 'True', type });
  };
  set('NamesAccepted', 'NoConflicts', 'no conflicts found');
  set('Established', 'InitialNamesAccepted', 'the initial names have been accepted');
  status.conditions = conditions;
  const n = crd.spec.names;
  status.acceptedNames = { kind: n.kind, listKind: n.listKind, plural: n.plural, singular: n.singular, ...(n.shortNames ? { shortNames: n.shortNames } : {}), ...(n.categories ? { categories: n.categories } : {}) };
  if (JSON.stringify(status) === JSON.stringify(crd.status)) return;
  ctx.store.update({ ...crd, status }, { subresource: 'status', user: USER });
}

/** Terminating: delete every instance, stop serving, drop the cleanup finalizer. */
function finalize(ctx: ClusterContext, crd: KubeObject): void {
  const def = ctx.registry.forResource(crd.spec.names.plural, crd.spec.group);
  if (def) {
    for (const obj of ctx.store.peekList(resourceKey(def))) ctx.store.remove(def, obj);
    ctx.registry.remove(crd.spec.group, crd.spec.names.plural);
  }
  const fins = (crd.metadata.finalizers ?? []).filter((f: string) => f !== CRD_CLEANUP_FINALIZER);
  ctx.store.update({ ...crd, metadata: { ...crd.metadata, finalizers: fins } }, { user: USER });
}
