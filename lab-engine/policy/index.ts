import type { ClusterContext } from '../sim/context';
import type { Topology } from '../sim/topology';
import { DisruptionController } from './disruption-controller';
import { createEvictionService, EVICTION_SERVICE } from './eviction';

/** PodDisruptionBudgets: the disruption controller and the eviction API that honours them (drain, kubectl, facade). */
export function installPolicy(ctx: ClusterContext, _topology: Topology): void {
  new DisruptionController(ctx).install();
  ctx.services.set(EVICTION_SERVICE, createEvictionService(ctx));
}
