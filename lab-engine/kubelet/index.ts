import type { ClusterContext } from '../sim/context';
import type { Topology } from '../sim/topology';
import type { KubeObject } from '../api/types';
import { NodeAgent } from './node-agent';
import { planNode } from './node-object';
import { KubeletServiceImpl } from './service';
import type { VolumeDir } from './types';
import { registerVolumePlugin } from './extension';
import { hostPathVolumePlugin } from './node-fs';
import { serviceAccountTokenPlugin } from './sa-token';

export type { KubeletService, LogOptions, ExecOptions, ExecResult, ContainerFs, FsStat, ContainerUsage, VolumePlugin, VolumeDir } from './types';
export { FsError } from './types';
export { registerVolumePlugin, getKubelet } from './extension';
export type { KubeletNetworkPort } from './network-port';
export { IMAGES, resolveImage } from './images/catalogue';

/**
 * Installs one kubelet per topology node (called once by sim/cluster.ts,
 * last): each registers its Node and Lease, starts static pods on the control
 * plane and runs the pods the scheduler binds to it. Registers the
 * `kubelet` service (KubeletService + the network's PodResponder).
 */
export function installKubelets(ctx: ClusterContext, topology: Topology): KubeletServiceImpl {
  const agents = new Map<string, NodeAgent>();
  const fallbackPVs = new Map<string, VolumeDir>();
  topology.nodes.forEach((spec, i) => agents.set(spec.name, new NodeAgent(ctx, planNode(spec, i), fallbackPVs, topology.systemPods)));
  // hostPath volumes are directories of the node's filesystem, shared with the node's shell.
  registerVolumePlugin(ctx.services, hostPathVolumePlugin(ctx.services, () => ctx.clock.nowMs()));
  // Projected service-account tokens are bound tokens from the API server's issuer.
  registerVolumePlugin(ctx.services, serviceAccountTokenPlugin(ctx));
  const service = new KubeletServiceImpl(ctx, agents);
  ctx.services.set('kubelet', service);
  ctx.store.watch(
    (e) => {
      const node = e.object.spec?.nodeName ?? e.old?.spec?.nodeName;
      if (node) agents.get(node)?.onPod(e);
    },
    { resource: 'pods' },
  );
  // Pods waiting for a ConfigMap/Secret/PVC retry when it appears or changes.
  for (const r of ['configmaps', 'secrets', 'persistentvolumeclaims']) {
    ctx.store.watch(
      (e: { object: KubeObject }) => {
        const changed = { resource: r, name: e.object.metadata.name ?? '' };
        for (const a of agents.values()) if (a.running()) a.kickWaiting(e.object.metadata.namespace ?? '', changed);
      },
      { resource: r },
    );
  }
  for (const a of agents.values()) a.boot();
  return service;
}
