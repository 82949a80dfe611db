import type { KindDef } from '../registry';
import type { Json, KubeObject } from '../types';
import { parseQuantity } from '../quantity';

/** Usage one object adds to a namespace's quota (pkg/quota/v1/evaluator/core). Values in base units. */
export type Usage = Record<string, number>;

const COUNTED: Record<string, string> = {
  pods: 'pods',
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  persistentvolumeclaims: 'persistentvolumeclaims',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
};

export function usageOf(def: Pick<KindDef, 'group' | 'resource'>, obj: KubeObject): Usage {
  const u: Usage = {};
  u[def.group ? `count/${def.resource}.${def.group}` : `count/${def.resource}`] = 1;
  if (!def.group && COUNTED[def.resource]) u[COUNTED[def.resource]] = 1;
  if (!def.group && def.resource === 'pods') Object.assign(u, podUsage(obj));
  if (!def.group && def.resource === 'services') {
    if (obj.spec?.type === 'NodePort' || obj.spec?.type === 'LoadBalancer') u['services.nodeports'] = (obj.spec?.ports ?? []).length;
    if (obj.spec?.type === 'LoadBalancer') u['services.loadbalancers'] = 1;
  }
  if (!def.group && def.resource === 'persistentvolumeclaims') u['requests.storage'] = parseQuantity(obj.spec?.resources?.requests?.storage)?.value ?? 0;
  return u;
}

/** Pods in a terminal phase or being deleted stop counting (QuotaV1Pod). */
export function podCounts(pod: KubeObject): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

function podUsage(pod: KubeObject): Usage {
  const u: Usage = {};
  // Effective requests/limits: max(sum of containers, largest init container) (PodRequests).
  for (const kind of ['requests', 'limits'] as const) {
    for (const res of ['cpu', 'memory', 'ephemeral-storage']) {
      const sum = ((pod.spec?.containers ?? []) as Json[]).reduce((n, c) => n + (parseQuantity(c.resources?.[kind]?.[res])?.value ?? 0), 0);
      const init = ((pod.spec?.initContainers ?? []) as Json[]).reduce((n, c) => Math.max(n, parseQuantity(c.resources?.[kind]?.[res])?.value ?? 0), 0);
      const v = Math.max(sum, init);
      if (v > 0) {
        u[`${kind}.${res}`] = v;
        if (kind === 'requests' && res !== 'ephemeral-storage') u[res] = v;
      }
    }
  }
  return u;
}

/** Resource names whose usage is measured in the object's own quantity format. */
export function isBinaryResource(name: string): boolean {
  return /memory|storage/.test(name);
}
