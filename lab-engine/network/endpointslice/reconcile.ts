import type { ClusterContext } from '../../sim/context';
import type { Json, KubeObject } from '../../api/types';
import { jsonEqual } from '../../api/clone';
import { isApiError } from '../../api/errors';
import type { EndpointCaches } from '../common/object-cache';
import { findPort, isPodReady, isTerminating, podMatches, serviceSelector, shouldPodBeInEndpoints, shouldSetHostname } from '../common/pods';

export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';
const MAX_ENDPOINTS_PER_SLICE = 100; // --max-endpoints-per-slice default

interface Group {
  ports: Json[] | null;
  endpoints: Json[];
}

/**
 * One sync of pkg/controller/endpointslice (reconciler.go): the desired
 * endpoints of a Service grouped by their resolved port set, at most 100 per
 * slice, written onto the existing managed slices (update in place), new
 * slices created with generateName `<service>-`, extras deleted; a Service
 * that selects nothing keeps one placeholder slice with no endpoints.
 */
export function reconcileEndpointSlices(ctx: ClusterContext, caches: EndpointCaches, namespace: string, name: string): void {
  const svc = caches.services.get(namespace, name);
  const existing = caches.slices
    .list(namespace)
    .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME);
  const selector = svc ? serviceSelector(svc) : undefined;
  if (!svc || !selector || svc.spec?.type === 'ExternalName' || svc.metadata.deletionTimestamp) {
    for (const s of existing) deleteSlice(ctx, s);
    return;
  }
  const pods = caches.pods.list(namespace).filter((p) => podMatches(selector, p));
  const groups = desiredGroups(ctx, svc, pods);
  if (groups.length === 0) groups.push({ ports: null, endpoints: [] });
  const labels = sliceLabels(svc);
  const unused = [...existing];
  const toCreate: Group[] = [];
  for (const g of groups) {
    const i = unused.findIndex((s) => jsonEqual(s.ports ?? null, g.ports));
    if (i < 0) {
      toCreate.push(g);
      continue;
    }
    const [slice] = unused.splice(i, 1);
    if (jsonEqual(slice.endpoints ?? null, endpointsOrNull(g)) && jsonEqual(slice.metadata.labels ?? {}, labels)) continue;
    const next: KubeObject = { ...slice, metadata: { ...slice.metadata, labels, annotations: triggerAnnotation(ctx, slice.metadata.annotations) } };
    next.endpoints = endpointsOrNull(g);
    ctx.store.update(next);
  }
  for (const g of toCreate) {
    // Reuse a slice with other ports before creating (the reconciler's "update existing" pass).
    const reuse = unused.shift();
    if (reuse) {
      ctx.store.update({ ...reuse, metadata: { ...reuse.metadata, labels, annotations: triggerAnnotation(ctx, reuse.metadata.annotations) }, endpoints: endpointsOrNull(g), ports: g.ports });
    } else {
      ctx.store.create(newSlice(ctx, svc, labels, g));
    }
  }
  for (const s of unused) deleteSlice(ctx, s);
}

function endpointsOrNull(g: Group): Json[] | null {
  return g.endpoints.length ? g.endpoints : null;
}

function desiredGroups(ctx: ClusterContext, svc: KubeObject, pods: KubeObject[]): Group[] {
  const byKey = new Map<string, Group[]>();
  const order: Group[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(svc, pod);
    const key = JSON.stringify(ports);
    let chain = byKey.get(key);
    if (!chain) byKey.set(key, (chain = []));
    let g = chain[chain.length - 1];
    if (!g || g.endpoints.length >= MAX_ENDPOINTS_PER_SLICE) {
      g = { ports, endpoints: [] };
      chain.push(g);
      order.push(g);
    }
    g.endpoints.push(podToEndpoint(ctx, svc, pod));
  }
  return order;
}

/** getEndpointPorts: service ports resolved against the pod (named targetPorts per pod). */
function endpointPorts(svc: KubeObject, pod: KubeObject): Json[] | null {
  const out: Json[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: Json = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out.length ? out : null;
}

/** podToEndpoint (pkg/controller/util/endpointslice/utils.go). */
function podToEndpoint(ctx: ClusterContext, svc: KubeObject, pod: KubeObject): Json {
  const serving = isPodReady(pod);
  const terminating = isTerminating(pod);
  const ready = !!svc.spec?.publishNotReadyAddresses || (serving && !terminating);
  const ep: Json = {
    addresses: [pod.status.podIP],
    conditions: { ready, serving, terminating },
  };
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  const zone = pod.spec?.nodeName ? ctx.store.peek('nodes', '', pod.spec.nodeName)?.metadata.labels?.['topology.kubernetes.io/zone'] : undefined;
  if (zone) ep.zone = zone;
  return ep;
}

function sliceLabels(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL && k !== HEADLESS_LABEL) labels[k] = v;
  }
  if (svc.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  labels[SERVICE_NAME_LABEL] = svc.metadata.name!;
  labels[MANAGED_BY_LABEL] = CONTROLLER_NAME;
  return sortKeys(labels);
}

function sortKeys(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

function triggerAnnotation(ctx: ClusterContext, current: Record<string, string> | undefined): Record<string, string> {
  return { ...(current ?? {}), [TRIGGER_TIME_ANNOTATION]: ctx.clock.nowRfc3339() };
}

function newSlice(ctx: ClusterContext, svc: KubeObject, labels: Record<string, string>, g: Group): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${svc.metadata.name!.slice(0, 57)}-`,
      namespace: svc.metadata.namespace,
      labels,
      annotations: triggerAnnotation(ctx, undefined),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: endpointsOrNull(g),
    ports: g.ports,
  };
}

function deleteSlice(ctx: ClusterContext, slice: KubeObject): void {
  const def = ctx.registry.forResource('endpointslices', 'discovery.k8s.io')!;
  try {
    ctx.store.delete(def, slice.metadata.namespace!, slice.metadata.name!);
  } catch (e) {
    if (!isApiError(e) || e.code !== 404) throw e;
  }
}
