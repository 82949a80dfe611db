import type { ClusterContext } from '../../sim/context';
import type { Json, KubeObject } from '../../api/types';
import type { NetworkIndex } from '../model/network-index';
import { jsonEqual } from '../../api/clone';
import { SERVICE_NAME_LABEL } from '../endpointslice/reconcile';

export const KUBERNETES_SERVICE_IP = '10.96.0.1';
const API_PORT = 6443;

/**
 * The `default/kubernetes` Service kube-apiserver creates on boot
 * (pkg/controlplane/controller/kubernetesservice) and the Endpoints +
 * EndpointSlice its endpoint reconciler keeps pointing at the control-plane
 * nodes (pkg/controlplane/reconcilers: Endpoints labelled
 * endpointslice.kubernetes.io/skip-mirror, a slice named `kubernetes`).
 */
export function bootstrapKubernetesService(ctx: ClusterContext, index: NetworkIndex, controlPlaneNodes: string[]): void {
  ctx.store.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: API_PORT }], sessionAffinity: 'None', type: 'ClusterIP' },
  });
  const queue = ctx.runtime.register({ name: 'apiserver-endpoint-reconciler', reconcile: () => reconcileApiserverEndpoints(ctx, index, controlPlaneNodes) });
  ctx.store.watch(() => queue.add('default/kubernetes'), { resource: 'nodes' });
  queue.add('default/kubernetes');
}

function controlPlaneIPs(ctx: ClusterContext, index: NetworkIndex, planned: string[]): string[] {
  return ctx.store
    .peekList('nodes')
    .filter((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined || planned.includes(n.metadata.name!))
    .map((n) => index.nodeIP(n.metadata.name!))
    .filter((ip): ip is string => !!ip)
    .sort();
}

export function reconcileApiserverEndpoints(ctx: ClusterContext, index: NetworkIndex, planned: string[]): void {
  const ips = controlPlaneIPs(ctx, index, planned);
  if (ips.length === 0) return; // keep the last known address (the apiserver does not remove itself on node changes)
  const subsets: Json[] = [{ addresses: ips.map((ip) => ({ ip })), ports: [{ name: 'https', port: API_PORT, protocol: 'TCP' }] }];
  upsert(ctx, 'endpoints', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets,
  });
  upsert(ctx, 'endpointslices.discovery.k8s.io', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { [SERVICE_NAME_LABEL]: 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
    ports: [{ name: 'https', port: API_PORT, protocol: 'TCP' }],
  });
}

function upsert(ctx: ClusterContext, resource: string, obj: KubeObject): void {
  const cur = ctx.store.peek(resource, obj.metadata.namespace!, obj.metadata.name!);
  if (!cur) {
    ctx.store.create(obj);
    return;
  }
  const { metadata: _m, ...want } = obj;
  const { metadata: _c, apiVersion: _a, kind: _k, ...have } = cur;
  const { apiVersion: _wa, kind: _wk, ...wantBody } = want;
  if (jsonEqual(have, wantBody) && jsonEqual(cur.metadata.labels ?? {}, obj.metadata.labels ?? {})) return;
  ctx.store.update({ ...cur, ...wantBody, metadata: { ...cur.metadata, labels: obj.metadata.labels } });
}
