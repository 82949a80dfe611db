import type { SchedulerPlugin } from '../types';
import { cachedPodRequests as podRequests, cachedPodRequestsForScoring as podRequestsForScoring } from '../resources';
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
    const reasons: string[] = [];
    const alloc = info.allocatable;
    if ((info.requested.pods ?? 0) + 1 > (alloc.pods ?? 0)) reasons.push('Too many pods');
    const req = podRequests(pod);
    for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
      const want = req[r] ?? 0;
      if (want > 0 && want > (alloc[r] ?? 0) - (info.requested[r] ?? 0)) reasons.push(`Insufficient ${r}`);
    }
    for (const r of Object.keys(req).sort()) {
      if (['cpu', 'memory', 'ephemeral-storage', 'pods'].includes(r)) continue;
      const want = req[r] ?? 0;
      if (want > 0 && want > (alloc[r] ?? 0) - (info.requested[r] ?? 0)) reasons.push(`Insufficient ${r}`);
    }
    return reasons.length ? unschedulable(...reasons) : undefined;
  },
  // LeastAllocated strategy (the default ScoringStrategy): mean of (free/allocatable)*100 over cpu and memory.
  score(pod, info) {
    const req = podRequestsForScoring(pod);
    let sum = 0;
    for (const r of ['cpu', 'memory']) {
      const cap = info.allocatable[r] ?? 0;
      const used = (info.requested[r] ?? 0) + (req[r] ?? 0);
      sum += cap === 0 || used > cap ? 0 : Math.floor(((cap - used) * 100) / cap);
    }
    return Math.floor(sum / 2);
  },
};

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
