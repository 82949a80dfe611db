import type { ClusterContext } from '../sim/context';
import { METRICS_SERVICE, type MetricsService } from '../kubectl/printers/metrics-port';
import { notFound } from '../api/errors';
import type { FacadeRequest, FacadeResponse, ResourcePath } from './types';
import { json } from './status';
import { matches, parseSelector } from '../api/selectors/label-selector';

/** metrics.k8s.io/v1beta1 as metrics-server serves it, when the cluster has the metrics-server add-on. */
export function hasMetrics(cluster: ClusterContext): boolean {
  return cluster.services.has(METRICS_SERVICE);
}

export function handleMetrics(cluster: ClusterContext, rp: ResourcePath, req: FacadeRequest): FacadeResponse {
  const metrics = cluster.services.get(METRICS_SERVICE) as MetricsService | undefined;
  if (!metrics) throw notFound({ group: 'metrics.k8s.io', resource: rp.resource }, rp.name ?? '');
  const ts = cluster.clock.nowRfc3339();
  // metrics-server filters lists by ?labelSelector= (kubectl top -l)
  const sel = req.query.labelSelector ? parseSelector(req.query.labelSelector) : null;
  const selected = (labels: Record<string, string> | undefined) => !sel || matches(sel, labels);
  if (rp.resource === 'nodes') {
    const items = metrics
      .nodeMetrics()
      .filter((n) => (!rp.name || n.name === rp.name) && selected(n.labels))
      .map((n) => ({ metadata: { name: n.name, creationTimestamp: ts, labels: n.labels }, timestamp: ts, window: '20.05s', usage: n.usage }));
    if (!rp.name) return json(200, { kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items });
    if (!items[0]) throw notFound({ group: 'metrics.k8s.io', resource: 'nodes' }, rp.name);
    return json(200, { kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', ...items[0] });
  }
  const items = metrics
    .podMetrics(rp.namespace)
    .filter((p) => (!rp.name || p.name === rp.name) && selected(p.labels))
    .map((p) => ({ metadata: { name: p.name, namespace: p.namespace, creationTimestamp: ts, labels: p.labels }, timestamp: ts, window: '15.013s', containers: p.containers }));
  if (!rp.name) return json(200, { kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items });
  if (!items[0]) throw notFound({ group: 'metrics.k8s.io', resource: 'pods' }, rp.name);
  return json(200, { kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', ...items[0] });
}
