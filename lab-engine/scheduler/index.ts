import type { ClusterContext } from '../sim/context';
import type { Topology } from '../sim/topology';
import { Scheduler } from './scheduler';
import { SCHEDULER_SERVICE } from './types';
import { takePendingPlugins } from './extension';
import { nodeUnschedulable } from './plugins/node-unschedulable';
import { nodeName } from './plugins/node-name';
import { taintToleration } from './plugins/taint-toleration';
import { nodeAffinity } from './plugins/node-affinity';
import { nodePorts } from './plugins/node-ports';
import { nodeResourcesBalancedAllocation, nodeResourcesFit } from './plugins/node-resources-fit';
import { volumeBinding } from './plugins/volume-binding';
import { podTopologySpread } from './plugins/pod-topology-spread';
import { interPodAffinity } from './plugins/inter-pod-affinity';
import { imageLocality } from './plugins/image-locality';

export type { SchedulerPlugin, SchedulerService, NodeInfo, PluginStatus, CycleState } from './types';
export { registerSchedulerPlugin } from './extension';
export { Scheduler } from './scheduler';

/** Installs this subsystem into a cluster (called once by sim/cluster.ts, in a fixed order). */
export function installScheduler(ctx: ClusterContext, _topology: Topology): Scheduler {
  const s = new Scheduler(ctx);
  const peek = (r: string, ns: string, n: string) => ctx.store.peek(r, ns, n);
  for (const p of [
    nodeUnschedulable,
    nodeName,
    taintToleration,
    nodeAffinity,
    nodePorts,
    nodeResourcesFit,
    volumeBinding(peek),
    podTopologySpread,
    interPodAffinity((ns) => ctx.store.peek('namespaces', '', ns)?.metadata.labels),
    nodeResourcesBalancedAllocation,
    imageLocality,
  ]) {
    s.addPlugin(p);
  }
  for (const p of takePendingPlugins(ctx.services)) s.addPlugin(p);
  ctx.services.set(SCHEDULER_SERVICE, s);
  s.start();
  return s;
}
