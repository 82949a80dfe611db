import type { ClusterContext } from '../sim/context';
import type { Topology } from '../sim/topology';

/** Installs this subsystem into a cluster (called once by sim/cluster.ts, in a fixed order). */
export function installScheduler(_ctx: ClusterContext, _topology: Topology): void {}
