import type { ClusterContext } from '../sim/context';
import type { KubeletService } from '../kubelet/types';
import { notFound } from '../api/errors';
import type { FacadeRequest, FacadeResponse, ResourcePath } from './types';
import { json } from './status';

/** metrics.k8s.io/v1beta1 as metrics-server serves it, from the kubelets' usage figures. */
export function hasMetrics(cluster: ClusterContext): boolean {
  return cluster.services.has('kubelet');
}

export function handleMetrics(cluster: ClusterContext, rp: ResourcePath, _req: FacadeRequest): FacadeResponse {
  const kubelet = cluster.services.get('kubelet') as KubeletService | undefined;
  if (!kubelet) throw notFound({ group: 'metrics.k8s.io', resource: rp.resource }, rp.name ?? '');
  const ts = cluster.clock.nowRfc3339();
  if (rp.resource === 'nodes') {
    const items = cluster.store
      .peekList('nodes')
      .filter((n) => !rp.name || n.metadata.name === rp.name)
      .flatMap((n) => {
        const u = kubelet.nodeUsage(n.metadata.name!);
        if (!u) return [];
        return [{ metadata: { name: n.metadata.name, creationTimestamp: ts, labels: n.metadata.labels }, timestamp: ts, window: '20.05s', usage: { cpu: cpu(u.cpuMillis), memory: mem(u.memoryBytes) } }];
      });
    if (rp.name) return items[0] ? json(200, { kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', ...items[0] }) : notFoundMetrics('nodes', rp.name);
    return json(200, { kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items });
  }
  const items = cluster.store
    .peekList('pods', rp.namespace)
    .filter((p) => p.status?.phase === 'Running' && (!rp.name || p.metadata.name === rp.name))
    .map((p) => ({
      metadata: { name: p.metadata.name, namespace: p.metadata.namespace, creationTimestamp: ts, labels: p.metadata.labels },
      timestamp: ts,
      window: '15.013s',
      containers: kubelet.podUsage(p.metadata.namespace!, p.metadata.name!).map((c) => ({ name: c.name, usage: { cpu: cpu(c.cpuMillis), memory: mem(c.memoryBytes) } })),
    }));
  if (rp.name) return items[0] ? json(200, { kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', ...items[0] }) : notFoundMetrics('pods', rp.name);
  return json(200, { kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items });
}

function notFoundMetrics(resource: string, name: string): FacadeResponse {
  throw notFound({ group: 'metrics.k8s.io', resource }, name);
}

/** metrics-server reports CPU in nanocores and memory in Ki. */
function cpu(millis: number): string {
  return `${Math.round(millis * 1_000_000)}n`;
}

function mem(bytes: number): string {
  return `${Math.round(bytes / 1024)}Ki`;
}
