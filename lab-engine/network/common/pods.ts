import type { Json, KubeObject } from '../../api/types';
import { matches, type Selector } from '../../api/selectors/label-selector';

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True');
}

export function isTerminating(pod: KubeObject): boolean {
  return !!pod.metadata.deletionTimestamp;
}

/**
 * ShouldPodBeInEndpoints (pkg/controller/util/endpointslice): has an IP, is
 * not terminating unless asked, and will not run again (phase per restartPolicy).
 */
export function shouldPodBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP) return false;
  if (!includeTerminating && isTerminating(pod)) return false;
  const phase = pod.status?.phase;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Never') return phase !== 'Failed' && phase !== 'Succeeded';
  if (policy === 'OnFailure') return phase !== 'Succeeded';
  return true;
}

/**
 * podutil.FindPort: a numeric targetPort is used as is; a named one is the
 * containerPort of the first container port with that name and the
 * service port's protocol. Undefined when the pod has no such port.
 */
export function findPort(pod: KubeObject, servicePort: Json): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (typeof target === 'string' && /^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}

/** ShouldSetHostname: the pod's subdomain names this service. */
export function shouldSetHostname(pod: KubeObject, svc: KubeObject): boolean {
  return !!pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

/** The service's selector as a parsed selector (map selector: every key equal). */
export function serviceSelector(svc: KubeObject): Selector | undefined {
  const sel = svc.spec?.selector;
  if (!sel || typeof sel !== 'object') return undefined;
  return Object.keys(sel)
    .sort()
    .map((k) => ({ key: k, op: '=' as const, values: [String(sel[k])] }));
}

export function podMatches(selector: Selector, pod: KubeObject): boolean {
  return matches(selector, pod.metadata.labels);
}
