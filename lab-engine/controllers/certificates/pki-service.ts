import type { ClusterContext } from '../../sim/context';
import type { Topology } from '../../sim/topology';
import { ClusterPki, CLUSTER_PKI_SERVICE } from '../../security/pki/cluster-pki';
import { NETWORK_SERVICE, type NetworkService } from '../../network/service';

/**
 * Records when kubeadm "ran" (the boot time) and hands out the cluster's PKI
 * (security/pki/cluster-pki.ts) on first use: the control-plane address is
 * asked of the network model then, when it is installed.
 */
export function installPkiService(ctx: ClusterContext, topology: Topology): void {
  const bootMs = ctx.clock.nowMs();
  const controlPlaneName = topology.nodes.find((n) => n.controlPlane)?.name ?? 'controlplane';
  let pki: ClusterPki | undefined;
  const get = (): ClusterPki => {
    if (pki) return pki;
    const net = ctx.services.get(NETWORK_SERVICE) as NetworkService | undefined;
    const i = Math.max(0, topology.nodes.findIndex((n) => n.name === controlPlaneName));
    const controlPlaneIP = net?.nodeIP(controlPlaneName) ?? `192.168.1.${i + 2}`;
    pki = ClusterPki.for({ seed: ctx.rng.seed, bootMs, controlPlaneName, controlPlaneIP }, ctx.rng.derive('pki'));
    return pki;
  };
  ctx.services.set(CLUSTER_PKI_SERVICE, { get });
}

/** The cluster's PKI; undefined for clusters built without the certificates controllers. */
export function clusterPkiOf(services: Map<string, unknown>): ClusterPki | undefined {
  return (services.get(CLUSTER_PKI_SERVICE) as { get(): ClusterPki } | undefined)?.get();
}
