import type { KubeObject } from '../api/types';
import { quantityValue } from '../api/quantity';

/**
 * Resource arithmetic in scheduler units: cpu in millicores, memory and
 * ephemeral-storage in bytes, everything else (pods, nvidia.com/gpu,
 * hugepages) as plain counts/bytes.
 */
export type ResourceList = Record<string, number>;

export function toResourceList(list: Record<string, unknown> | undefined): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(list ?? {})) out[k] = k === 'cpu' ? Math.round(quantityValue(v) * 1000) : quantityValue(v);
  return out;
}

function addInto(into: ResourceList, add: ResourceList): void {
  for (const [k, v] of Object.entries(add)) into[k] = (into[k] ?? 0) + v;
}

function maxInto(into: ResourceList, other: ResourceList): void {
  for (const [k, v] of Object.entries(other)) into[k] = Math.max(into[k] ?? 0, v);
}

function containerRequests(c: KubeObject): ResourceList {
  // Requests default to limits (apiserver defaulting); be tolerant of objects that skipped it.
  const r = toResourceList(c.resources?.limits);
  Object.assign(r, toResourceList(c.resources?.requests));
  return r;
}

/**
 * Effective pod requests (k8s.io/component-helpers/resource PodRequests):
 * max(sum of app containers + sidecars, each init container + sidecars started
 * before it) + pod overhead.
 */
export function podRequests(pod: KubeObject): ResourceList {
  const sum: ResourceList = {};
  for (const c of pod.spec?.containers ?? []) addInto(sum, containerRequests(c));
  const sidecars: ResourceList = {};
  const initMax: ResourceList = {};
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerRequests(c);
    if (c.restartPolicy === 'Always') {
      addInto(sum, r);
      addInto(sidecars, r);
      maxInto(initMax, { ...sidecars });
    } else {
      const withSidecars = { ...sidecars };
      addInto(withSidecars, r);
      maxInto(initMax, withSidecars);
    }
  }
  maxInto(sum, initMax);
  addInto(sum, toResourceList(pod.spec?.overhead));
  return sum;
}

const requestCache = new WeakMap<object, ResourceList>();
const scoringCache = new WeakMap<object, ResourceList>();

/**
 * podRequests memoised per pod spec instance: requests depend only on the spec, stored objects are
 * never mutated, and status writes keep the stored spec instance. Callers must not change the result.
 */
export function cachedPodRequests(pod: KubeObject): ResourceList {
  const spec = pod.spec;
  if (!spec || typeof spec !== 'object') return podRequests(pod);
  let r = requestCache.get(spec);
  if (!r) requestCache.set(spec, (r = podRequests(pod)));
  return r;
}

export function cachedPodRequestsForScoring(pod: KubeObject): ResourceList {
  const spec = pod.spec;
  if (!spec || typeof spec !== 'object') return podRequestsForScoring(pod);
  let r = scoringCache.get(spec);
  if (!r) scoringCache.set(spec, (r = podRequestsForScoring(pod)));
  return r;
}

/** Non-zero defaults used only for scoring (pkg/scheduler/util: 100m cpu, 200Mi memory). */
export function podRequestsForScoring(pod: KubeObject): ResourceList {
  const r = podRequests(pod);
  const out: ResourceList = { ...r };
  let cpu = 0;
  let mem = 0;
  for (const c of pod.spec?.containers ?? []) {
    const cr = containerRequests(c);
    cpu += cr.cpu ?? 100;
    mem += cr.memory ?? 200 * 1024 * 1024;
  }
  out.cpu = Math.max(r.cpu ?? 0, cpu);
  out.memory = Math.max(r.memory ?? 0, mem);
  return out;
}

/** Quantity as FailedScheduling / describe print a resource name (`cpu`, `memory`, `nvidia.com/gpu`). */
export const SCALAR_IGNORED = new Set(['pods']);
