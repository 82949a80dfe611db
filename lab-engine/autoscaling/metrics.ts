import type { ClusterContext } from '../sim/context';
import type { KubeletService } from '../kubelet/types';
import { METRICS_SERVICE, type MetricsService } from '../kubectl/printers/metrics-port';

/**
 * metrics-server on the virtual clock: the kubelets' per-container usage
 * (image profiles plus load), reported in metrics-server's units (CPU in
 * nanocores, memory in Ki). `kubectl top` and the HPA read it.
 */
export function createMetricsService(ctx: ClusterContext): MetricsService {
  const kubelet = () => ctx.services.get('kubelet') as KubeletService | undefined;
  return {
    podMetrics(namespace) {
      const k = kubelet();
      if (!k) return [];
      return ctx.store
        .peekList('pods', namespace)
        .filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp)
        .map((p) => ({
          namespace: p.metadata.namespace!,
          name: p.metadata.name!,
          labels: p.metadata.labels,
          containers: k.podUsage(p.metadata.namespace!, p.metadata.name!).map((c) => ({ name: c.name, usage: { cpu: `${Math.round(c.cpuMillis * 1e6)}n`, memory: `${Math.round(c.memoryBytes / 1024)}Ki` } })),
        }));
    },
    nodeMetrics() {
      const k = kubelet();
      if (!k) return [];
      return ctx.store.peekList('nodes').flatMap((n) => {
        const u = k.nodeUsage(n.metadata.name!);
        return u ? [{ name: n.metadata.name!, labels: n.metadata.labels, usage: { cpu: `${Math.round(u.cpuMillis * 1e6)}n`, memory: `${Math.round(u.memoryBytes / 1024)}Ki` } }] : [];
      });
    },
  };
}

export { METRICS_SERVICE };
