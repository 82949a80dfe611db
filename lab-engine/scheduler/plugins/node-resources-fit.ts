import type { SchedulerPlugin } from '../types';
import { cachedPodRequests as podRequests, cachedPodRequestsForScoring as podRequestsForScoring, type ResourceList } from '../resources';
import { unschedulable } from './status';

/**
 * plugins/noderesources/fit.go fitsRequest: "Too many pods", then
 * "Insufficient cpu", "Insufficient memory", "Insufficient ephemeral-storage",
 * then every scalar (extended) resource in name order.
 */
export const nodeResourcesFit: SchedulerPlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  filter(pod, info) {
    // Runs for up to numFeasibleNodesToFind nodes per pod: no allocation unless the pod does not fit.
    let reasons: string[] | undefined;
    const alloc = info.allocatable;
    if ((info.requested.pods ?? 0) + 1 > (alloc.pods ?? 0)) (reasons ??= []).push('Too many pods');
    const req = podRequests(pod);
    for (const r of BASE_RESOURCES) {
      const want = req[r] ?? 0;
      if (want > 0 && want > (alloc[r] ?? 0) - (info.requested[r] ?? 0)) (reasons ??= []).push(`Insufficient ${r}`);
    }
    for (const r of scalarResources(req)) {
      const want = req[r] ?? 0;
      if (want > 0 && want > (alloc[r] ?? 0) - (info.requested[r] ?? 0)) (reasons ??= []).push(`Insufficient ${r}`);
    }
    return reasons ? unschedulable(...reasons) : undefined;
  },
  // LeastAllocated strategy (the default ScoringStrategy): mean of (free/allocatable)*100 over cpu and memory.
  score(pod, info) {
    const req = podRequestsForScoring(pod);
    return Math.floor((leastAllocated(info.allocatable.cpu ?? 0, (info.requested.cpu ?? 0) + (req.cpu ?? 0)) + leastAllocated(info.allocatable.memory ?? 0, (info.requested.memory ?? 0) + (req.memory ?? 0))) / 2);
  },
};

const BASE_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
const NOT_SCALAR = new Set([...BASE_RESOURCES, 'pods']);
/** Extended resources of a (memoised, never mutated) request list, in name order. */
const scalarsOf = new WeakMap<ResourceList, string[]>();

function scalarResources(req: ResourceList): string[] {
  let names = scalarsOf.get(req);
  if (!names) scalarsOf.set(req, (names = Object.keys(req).filter((r) => !NOT_SCALAR.has(r)).sort()));
  return names;
}

function leastAllocated(cap: number, used: number): number {
  return cap === 0 || used > cap ? 0 : Math.floor(((cap - used) * 100) / cap);
}

/** plugins/noderesources/balanced_allocation.go: 100 - std deviation of the cpu/memory fractions. */
export const nodeResourcesBalancedAllocation: SchedulerPlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(pod, info) {
    const req = podRequestsForScoring(pod);
    const fr: number[] = [];
    for (const r of ['cpu', 'memory']) {
      const cap = info.allocatable[r] ?? 0;
      const used = (info.requested[r] ?? 0) + (req[r] ?? 0);
      fr.push(cap === 0 ? 0 : Math.min(1, used / cap));
    }
    const std = Math.abs(fr[0] - fr[1]) / 2;
    return Math.floor((1 - std) * 100);
  },
};
