import type { ClusterContext } from '../../sim/context';
import type { Json, KubeObject } from '../../api/types';
import { jsonEqual } from '../../api/clone';
import { isApiError } from '../../api/errors';
import type { EndpointCaches } from '../common/object-cache';
import { findPort, isPodReady, podMatches, serviceSelector, shouldPodBeInEndpoints, shouldSetHostname } from '../common/pods';
import { HEADLESS_LABEL, TRIGGER_TIME_ANNOTATION } from '../endpointslice/reconcile';

interface Subset {
  ports: Json[];
  addresses: Json[];
  notReadyAddresses: Json[];
}

/**
 * One sync of the legacy Endpoints controller
 * (pkg/controller/endpoint/endpoints_controller.go syncService): ready pods
 * in `addresses`, others in `notReadyAddresses` (all ready with
 * publishNotReadyAddresses; terminating pods left out unless it is set),
 * subsets repacked by port set (endpoints.RepackSubsets), labels copied from
 * the Service. Services without a selector are left alone (their Endpoints
 * are the user's).
 */
export function reconcileEndpoints(ctx: ClusterContext, caches: EndpointCaches, namespace: string, name: string): void {
  const svc = caches.services.get(namespace, name);
  const current = ctx.store.peek('endpoints', namespace, name);
  if (!svc) {
    // syncService: the Service is gone, so is its Endpoints object (whoever wrote it).
    if (current) deleteEndpoints(ctx, current);
    return;
  }
  const selector = serviceSelector(svc);
  if (!selector || svc.spec?.type === 'ExternalName') return;
  const publishNotReady = !!svc.spec?.publishNotReadyAddresses;
  const pods = caches.pods.list(namespace).filter((p) => podMatches(selector, p) && shouldPodBeInEndpoints(p, publishNotReady));
  const subsets = repack(pods.flatMap((p) => podSubsets(svc, p, publishNotReady)));
  const labels = endpointLabels(svc);
  if (current && jsonEqual(current.subsets ?? [], subsets) && jsonEqual(current.metadata.labels ?? {}, labels)) return;
  const next: KubeObject = current
    ? { ...current, metadata: { ...current.metadata } }
    : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } };
  next.metadata.labels = labels;
  next.metadata.annotations = { ...(current?.metadata.annotations ?? {}), [TRIGGER_TIME_ANNOTATION]: ctx.clock.nowRfc3339() };
  if (subsets.length) next.subsets = subsets;
  else delete next.subsets;
  if (current) ctx.store.update(next);
  else ctx.store.create(next);
}

function podSubsets(svc: KubeObject, pod: KubeObject, publishNotReady: boolean): Subset[] {
  const addr: Json = { ip: pod.status.podIP };
  if (shouldSetHostname(pod, svc)) addr.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) addr.nodeName = pod.spec.nodeName;
  addr.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  const ready = publishNotReady || isPodReady(pod);
  const one = (ports: Json[]): Subset => ({ ports, addresses: ready ? [addr] : [], notReadyAddresses: ready ? [] : [addr] });
  const svcPorts: Json[] = svc.spec?.ports ?? [];
  if (svcPorts.length === 0) return svc.spec?.clusterIP === 'None' ? [one([])] : [];
  const out: Subset[] = [];
  for (const sp of svcPorts) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: Json = {};
    if (sp.name) ep.name = sp.name;
    ep.port = port;
    ep.protocol = sp.protocol ?? 'TCP';
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(one([ep]));
  }
  return out;
}

/** endpoints.RepackSubsets: one subset per distinct port set, addresses sorted by IP then UID. */
function repack(subsets: Subset[]): Json[] {
  const byAddr = new Map<string, { addr: Json; ready: boolean; ports: Json[] }>();
  for (const s of subsets) {
    for (const [list, ready] of [[s.addresses, true], [s.notReadyAddresses, false]] as const) {
      for (const a of list) {
        const k = `${a.ip}/${a.targetRef?.uid ?? ''}/${ready}`;
        const e = byAddr.get(k) ?? { addr: a, ready, ports: [] };
        e.ports.push(...s.ports);
        byAddr.set(k, e);
      }
    }
  }
  const byPorts = new Map<string, Json>();
  for (const e of byAddr.values()) {
    const ports = [...e.ports].sort(comparePorts);
    const key = JSON.stringify(ports);
    let sub = byPorts.get(key);
    if (!sub) byPorts.set(key, (sub = { addresses: [], notReadyAddresses: [], ports }));
    (e.ready ? sub.addresses : sub.notReadyAddresses).push(e.addr);
  }
  return [...byPorts.values()].map((s) => {
    const out: Json = {};
    if (s.addresses.length) out.addresses = s.addresses.sort(compareAddr);
    if (s.notReadyAddresses.length) out.notReadyAddresses = s.notReadyAddresses.sort(compareAddr);
    if (s.ports.length) out.ports = s.ports;
    return out;
  });
}

function compareAddr(a: Json, b: Json): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const x = a.targetRef?.uid ?? '';
  const y = b.targetRef?.uid ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function comparePorts(a: Json, b: Json): number {
  const x = `${a.name ?? ''}/${a.protocol}/${a.port}`;
  const y = `${b.name ?? ''}/${b.protocol}/${b.port}`;
  return x < y ? -1 : x > y ? 1 : 0;
}

function endpointLabels(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  return labels;
}

function deleteEndpoints(ctx: ClusterContext, ep: KubeObject): void {
  try {
    ctx.store.delete(ctx.registry.forResource('endpoints', '')!, ep.metadata.namespace!, ep.metadata.name!);
  } catch (e) {
    if (!isApiError(e) || e.code !== 404) throw e;
  }
}
