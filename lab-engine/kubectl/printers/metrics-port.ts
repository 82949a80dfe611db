/**
 * What `kubectl top` needs from the metrics pipeline (metrics.k8s.io/v1beta1 as
 * metrics-server serves it). The autoscaling subsystem registers an
 * implementation as `ctx.services.get('metrics')`; without it kubectl top
 * answers `error: Metrics API not available`.
 */
export interface ContainerMetrics {
  name: string;
  /** Quantities as metrics-server reports them: cpu like "1234567n", memory like "3456Ki". */
  usage: { cpu: string; memory: string };
}

export interface PodMetrics {
  namespace: string;
  name: string;
  labels?: Record<string, string>;
  containers: ContainerMetrics[];
}

export interface NodeMetrics {
  name: string;
  labels?: Record<string, string>;
  usage: { cpu: string; memory: string };
}

export interface MetricsService {
  /** PodMetrics of running pods in a namespace (undefined = all namespaces), sorted by namespace/name. */
  podMetrics(namespace: string | undefined): PodMetrics[];
  /** NodeMetrics of every node, sorted by name. */
  nodeMetrics(): NodeMetrics[];
}

export const METRICS_SERVICE = 'metrics';
