import type { ClusterContext } from '../sim/context';
import type { Topology } from '../sim/topology';
import { createMetricsService, METRICS_SERVICE } from './metrics';
import { HpaController } from './hpa-controller';

/**
 * metrics-server (for `kubectl top` and the HPA) — an add-on, so only in
 * topologies with the system add-ons — and the horizontal pod autoscaler,
 * which is part of kube-controller-manager.
 */
export function installAutoscaling(ctx: ClusterContext, topology: Topology): void {
  if (topology.systemPods) ctx.services.set(METRICS_SERVICE, createMetricsService(ctx));
  new HpaController(ctx).install();
}
