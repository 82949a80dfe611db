import type { ClusterContext } from '../sim/context';
import type { Topology } from '../sim/topology';
import { createMetricsService, METRICS_SERVICE } from './metrics';
import { HpaController } from './hpa-controller';

/** metrics-server (for `kubectl top` and the HPA) and the horizontal pod autoscaler. */
export function installAutoscaling(ctx: ClusterContext, _topology: Topology): void {
  ctx.services.set(METRICS_SERVICE, createMetricsService(ctx));
  new HpaController(ctx).install();
}
