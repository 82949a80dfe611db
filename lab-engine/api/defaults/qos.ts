import type { Json } from '../types';
import { quantityValue } from '../quantity';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** GetPodQOS (pkg/apis/core/helper/qos/qos.go): only cpu and memory count. */
export function podQosClass(spec: Json): QosClass {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const containers = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  for (const c of containers) {
    for (const [name, q] of Object.entries((c?.resources?.requests ?? {}) as Record<string, unknown>)) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const v = quantityValue(q);
      if (v > 0) requests.set(name, (requests.get(name) ?? 0) + v);
    }
    const found = new Set<string>();
    for (const [name, q] of Object.entries((c?.resources?.limits ?? {}) as Record<string, unknown>)) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const v = quantityValue(q);
      if (v > 0) {
        found.add(name);
        limits.set(name, (limits.get(name) ?? 0) + v);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) if (limits.get(name) !== req) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
