import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import type { KubeletService } from '../kubelet/types';
import { METRICS_SERVICE, type MetricsService } from '../kubectl/printers/metrics-port';

function cluster(withRequests = true) {
  const c = createCluster({ seed: 6 });
  c.settle();
  c.api().create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'php', namespace: 'default' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'php' } },
      template: { metadata: { labels: { app: 'php' } }, spec: { containers: [{ name: 'php', image: 'nginx:1.27', ...(withRequests ? { resources: { requests: { cpu: '200m' } } } : {}) }] } },
    },
  });
  c.api().create({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'php', namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
  });
  c.settle();
  return c;
}

describe('metrics and the horizontal pod autoscaler', () => {
  it('serves metrics-server figures for kubectl top', () => {
    const c = cluster();
    const m = c.services.get(METRICS_SERVICE) as MetricsService;
    const pod = m.podMetrics('default').find((p) => p.name.startsWith('php-'));
    expect(pod?.containers[0].usage.cpu).toMatch(/^\d+n$/);
    expect(m.nodeMetrics().map((n) => n.name)).toEqual(['controlplane', 'node01', 'node02']);
  });

  it('scales up under load and back down after the stabilization window', () => {
    const c = cluster();
    const kubelet = c.services.get('kubelet') as KubeletService;
    const pod = c.store.peekList('pods', 'default').find((p) => p.metadata.name!.startsWith('php-'))!;
    kubelet.setLoad('default', pod.metadata.name!, { cpuMillis: 400 });
    c.advance(60_000);
    const hpa = c.store.peek('horizontalpodautoscalers.autoscaling', 'default', 'php')!;
    expect(c.store.peek('deployments.apps', 'default', 'php')?.spec?.replicas).toBeGreaterThan(1);
    expect(hpa.status.conditions.map((x: { type: string }) => x.type)).toEqual(['AbleToScale', 'ScalingActive', 'ScalingLimited']);
    const rescale = c.store.peekList('events', 'default').find((e) => e.reason === 'SuccessfulRescale');
    expect(rescale?.message).toMatch(/^New size: \d; reason: cpu resource utilization \(percentage of request\) above target$/);
    for (const p of c.store.peekList('pods', 'default')) if (p.metadata.name!.startsWith('php-')) kubelet.setLoad('default', p.metadata.name!, { cpuMillis: 0 });
    c.advance(120_000);
    expect(c.store.peek('deployments.apps', 'default', 'php')?.spec?.replicas).toBeGreaterThan(1);
    c.advance(300_000);
    expect(c.store.peek('deployments.apps', 'default', 'php')?.spec?.replicas).toBe(1);
  });

  it('says why it cannot scale pods without CPU requests', () => {
    const c = cluster(false);
    c.advance(30_000);
    const hpa = c.store.peek('horizontalpodautoscalers.autoscaling', 'default', 'php')!;
    expect(hpa.status.conditions[0]).toMatchObject({ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric' });
    expect(hpa.status.conditions[0].message).toMatch(/^the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container php of Pod php-/);
  });
});
