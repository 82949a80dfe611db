import type { ClusterContext } from '../sim/context';
import type { Topology } from '../sim/topology';
import { NETWORK_SERVICE } from './service';
import { ServiceAllocator } from './allocator/service-allocator';
import { NetworkModel } from './model/network-model';
import { IngressRouter } from './ingress/router';
import { startEndpointSliceController } from './endpointslice/controller';
import { startEndpointsController } from './endpoints/controller';
import { watchServicesAndPods } from './common/triggers';
import { endpointCaches } from './common/object-cache';
import { startMirroringController } from './endpointslicemirroring/controller';
import { poolFor, startLoadBalancerController } from './loadbalancer/controller';
import { startIngressController } from './ingress/controller';
import { bootstrapKubernetesService } from './bootstrap/kubernetes-service';
import { bootstrapKubeDnsService } from './bootstrap/kube-dns';
import { installIngressNginx } from './bootstrap/ingress-nginx';

export type { NetworkService } from './service';
export { getNetwork, NETWORK_SERVICE, KUBELET_SERVICE } from './service';
export { installIngressNginx } from './bootstrap/ingress-nginx';
export * from './format';

/** Add-ons a topology may ask for (`addons: ['ingress-nginx']`); none are installed by default. */
export const NETWORK_ADDONS = ['ingress-nginx'] as const;

/**
 * Installs the cluster network (called once by sim/cluster.ts, after
 * admission): the service REST allocators (ClusterIP, NodePort), the
 * EndpointSlice and Endpoints controllers, a MetalLB-like LoadBalancer
 * implementation, ingress-nginx's status loop, the `kubernetes` and
 * `kube-dns` Services, and the NetworkService (`ctx.services.get('network')`)
 * that carries traffic: DNS, kube-proxy, NetworkPolicy, ingress routing.
 */
export function installNetworking(ctx: ClusterContext, topology: Topology): NetworkModel {
  ctx.store.admission.push(new ServiceAllocator(ctx.store, ctx.rng.derive('network/ipam')));
  let model: NetworkModel | undefined;
  const pool = () => poolFor(model!.index);
  model = new NetworkModel(ctx, pool);
  const m = model;
  m.ingress = new IngressRouter(ctx.store, m.index, (pod, ip, port, req, tb) => m.forwardFromPod(pod, ip, port, req, tb), ctx.rng.derive('network/ingress'));
  ctx.services.set(NETWORK_SERVICE, m);

  const caches = endpointCaches(ctx.store);
  const sliceQueue = startEndpointSliceController(ctx, caches);
  const endpointsQueue = startEndpointsController(ctx, caches);
  watchServicesAndPods(ctx, [sliceQueue, endpointsQueue], caches.services);
  startMirroringController(ctx);
  startLoadBalancerController(ctx, m.index, pool);
  startIngressController(ctx, m.index);

  const controlPlane = topology.nodes.filter((n) => n.controlPlane).map((n) => n.name);
  const addons = (topology as Topology & { addons?: string[] }).addons ?? [];
  // The apiserver's boot objects are written at the first step, once every
  // subsystem is installed and watching (the garbage collector lists what
  // exists when it starts; the endpoint controllers only watch).
  ctx.runtime.at(ctx.clock.nowMs(), () => {
    bootstrapKubernetesService(ctx, m.index, controlPlane);
    if (topology.systemPods) bootstrapKubeDnsService(ctx);
    if (addons.includes('ingress-nginx')) installIngressNginx(ctx);
  }, { label: 'network:bootstrap' });
  return m;
}
