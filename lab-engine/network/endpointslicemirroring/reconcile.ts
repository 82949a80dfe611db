import type { ClusterContext } from '../../sim/context';
import type { Json, KubeObject } from '../../api/types';
import { jsonEqual } from '../../api/clone';
import { isApiError } from '../../api/errors';
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL, TRIGGER_TIME_ANNOTATION } from '../endpointslice/reconcile';

export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * pkg/controller/endpointslicemirroring: Endpoints written by hand for a
 * Service without a selector are mirrored into EndpointSlices (one per
 * subset, addresses ready / notReadyAddresses not ready), so kube-proxy —
 * which reads only slices — routes to them. Endpoints labelled
 * skip-mirror, or whose Service is missing or has a selector, are not mirrored.
 */
export function reconcileMirroring(ctx: ClusterContext, namespace: string, name: string): void {
  const ep = ctx.store.peek('endpoints', namespace, name);
  const svc = ctx.store.peek('services', namespace, name);
  const existing = ctx.store
    .peekList('endpointslices.discovery.k8s.io', namespace)
    .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === MIRRORING_CONTROLLER);
  const mirror = ep && svc && !svc.spec?.selector && svc.spec?.type !== 'ExternalName' && ep.metadata.labels?.[SKIP_MIRROR] !== 'true';
  const desired = mirror ? (ep.subsets ?? []).map((s: Json) => sliceBody(s)).filter((b: Json) => b.endpoints.length > 0) : [];
  const unused = [...existing];
  for (const body of desired) {
    const i = unused.findIndex((s) => jsonEqual(s.ports ?? null, body.ports));
    const meta = sliceMeta(ep!);
    if (i >= 0) {
      const [slice] = unused.splice(i, 1);
      if (jsonEqual(slice.endpoints, body.endpoints) && jsonEqual(slice.metadata.labels, meta.labels)) continue;
      ctx.store.update({ ...slice, metadata: { ...slice.metadata, labels: meta.labels, annotations: meta.annotations }, ...body });
    } else {
      ctx.store.create({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { ...meta, generateName: `${name.slice(0, 57)}-`, namespace }, addressType: 'IPv4', ...body });
    }
  }
  for (const s of unused) {
    try {
      ctx.store.delete(ctx.registry.forResource('endpointslices', 'discovery.k8s.io')!, namespace, s.metadata.name!);
    } catch (e) {
      if (!isApiError(e) || e.code !== 404) throw e;
    }
  }
}

function sliceBody(subset: Json): { endpoints: Json[]; ports: Json[] | null } {
  const toEndpoint = (a: Json, ready: boolean): Json => {
    const e: Json = { addresses: [a.ip], conditions: { ready } };
    if (a.hostname) e.hostname = a.hostname;
    if (a.targetRef) e.targetRef = a.targetRef;
    if (a.nodeName) e.nodeName = a.nodeName;
    return e;
  };
  const endpoints = [...(subset.addresses ?? []).map((a: Json) => toEndpoint(a, true)), ...(subset.notReadyAddresses ?? []).map((a: Json) => toEndpoint(a, false))];
  const ports = (subset.ports ?? []).map((p: Json) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
  return { endpoints, ports: ports.length ? ports : null };
}

function sliceMeta(ep: KubeObject): { labels: Record<string, string>; annotations?: Record<string, string>; ownerReferences: Json[] } {
  const labels: Record<string, string> = { ...(ep.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: ep.metadata.name!, [MANAGED_BY_LABEL]: MIRRORING_CONTROLLER };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(ep.metadata.annotations ?? {})) if (k !== TRIGGER_TIME_ANNOTATION && k !== LAST_APPLIED) annotations[k] = v;
  return {
    labels,
    ...(Object.keys(annotations).length ? { annotations } : {}),
    ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name: ep.metadata.name!, uid: ep.metadata.uid!, controller: true, blockOwnerDeletion: true }],
  };
}
