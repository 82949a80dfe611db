import type { KubeObject } from '../api/types';

/** kube-controller-manager defaults (--horizontal-pod-autoscaler-*). */
export const TOLERANCE = 0.1;
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
export const DELAY_OF_INITIAL_READINESS_STATUS_MS = 30_000;

/** One pod's metric as metrics-server reports it: a value over a window ending at `timestampMs`. */
export interface PodMetric {
  value: number;
  timestampMs: number;
  windowMs: number;
}

export interface ReplicaCalculation {
  replicas: number;
  /** Average utilization (percent of request) over the ready pods with metrics. */
  utilization: number;
  /** Average raw value per ready pod with metrics (millicores for CPU, bytes for memory). */
  rawAverage: number;
}

/**
 * GetResourceReplicas of pkg/controller/podautoscaler/replica_calculator.go:
 * pods are grouped (groupPods) into ready ones, ignored ones (pending; for
 * CPU, unready or without a full metric window since becoming ready while in
 * the 5-minute initialization period) and ones missing metrics; the usage
 * ratio over ready pods decides, then — when pods were ignored on a scale-up
 * or are missing — it is recomputed with ignored pods at 0 and missing pods at
 * 0 (scale-up) or 100% of their request (scale-down), never flipping direction.
 * `requests` are per pod (summed over containers); errors are upstream's text.
 */
export function resourceReplicas(args: {
  currentReplicas: number;
  targetUtilization: number;
  resource: string;
  pods: KubeObject[];
  metrics: Map<string, PodMetric>;
  requests: Map<string, number>;
  nowMs: number;
}): ReplicaCalculation | string {
  const { currentReplicas, targetUtilization, resource, pods, requests, nowMs } = args;
  if (pods.length === 0) return 'no pods returned by selector while calculating replica count';
  const metrics = new Map(args.metrics);
  const { readyPodCount, ignored, missing } = groupPods(pods, metrics, resource, nowMs);
  for (const name of ignored) metrics.delete(name);
  if (metrics.size === 0) return 'did not receive metrics for any ready pods';
  const first = utilizationRatio(metrics, requests, targetUtilization);
  const { usageRatio, utilization, rawAverage } = first;
  const result = (replicas: number) => ({ replicas, utilization, rawAverage });
  const rebalanceIgnored = ignored.size > 0 && usageRatio > 1;
  if (!rebalanceIgnored && missing.size === 0) {
    if (Math.abs(1 - usageRatio) <= TOLERANCE) return result(currentReplicas);
    return result(Math.ceil(usageRatio * readyPodCount));
  }
  if (missing.size > 0 && usageRatio !== 1) {
    for (const name of missing) metrics.set(name, { value: usageRatio < 1 ? requests.get(name) ?? 0 : 0, timestampMs: nowMs, windowMs: 0 });
  }
  if (rebalanceIgnored) for (const name of ignored) metrics.set(name, { value: 0, timestampMs: nowMs, windowMs: 0 });
  const next = utilizationRatio(metrics, requests, targetUtilization).usageRatio;
  if (Math.abs(1 - next) <= TOLERANCE || (usageRatio < 1 && next > 1) || (usageRatio > 1 && next < 1)) return result(currentReplicas);
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) return result(currentReplicas);
  return result(replicas);
}

/** groupPods: ready pods counted; pending/unready (CPU) ignored; pods without a metric missing. */
function groupPods(pods: KubeObject[], metrics: Map<string, PodMetric>, resource: string, nowMs: number) {
  const ignored = new Set<string>();
  const missing = new Set<string>();
  let readyPodCount = 0;
  for (const pod of pods) {
    const name = pod.metadata.name!;
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') continue;
    if (pod.status?.phase === 'Pending' || !pod.status?.phase) {
      ignored.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      missing.add(name);
      continue;
    }
    if (resource === 'cpu' && isUnreadyForCpu(pod, metric, nowMs)) {
      ignored.add(name);
      continue;
    }
    readyPodCount++;
  }
  return { readyPodCount, ignored, missing };
}

function isUnreadyForCpu(pod: KubeObject, metric: PodMetric, nowMs: number): boolean {
  const ready = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
  const startMs = pod.status?.startTime ? Date.parse(pod.status.startTime) : NaN;
  if (!ready || Number.isNaN(startMs)) return true;
  const transitionMs = Date.parse(ready.lastTransitionTime);
  if (startMs + CPU_INITIALIZATION_PERIOD_MS > nowMs) {
    // Still initializing: ignore an unready pod, or a sample that does not cover a whole window since it became ready.
    return ready.status === 'False' || metric.timestampMs < transitionMs + metric.windowMs;
  }
  // Ignore a pod that is unready and has never been ready.
  return ready.status === 'False' && startMs + DELAY_OF_INITIAL_READINESS_STATUS_MS > transitionMs;
}

/** metricsclient.GetResourceUtilizationRatio: integer utilization percent over the pods with metrics. */
function utilizationRatio(metrics: Map<string, PodMetric>, requests: Map<string, number>, target: number) {
  let total = 0;
  let requested = 0;
  for (const [name, m] of metrics) {
    total += m.value;
    requested += requests.get(name) ?? 0;
  }
  const utilization = requested > 0 ? Math.trunc((total * 100) / requested) : 0;
  return { usageRatio: utilization / target, utilization, rawAverage: total / metrics.size };
}
