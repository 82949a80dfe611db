import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';

/** horizontal.go reconcileAutoscaler: targets outside [min, max] are brought to the bound before metrics are read. */
describe('HPA min/max bounds', () => {
  function cluster(replicas: number, minReplicas: number, maxReplicas: number) {
    const c = createCluster({ seed: 3 });
    c.settle();
    c.api().create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      // No CPU requests: utilization can never be computed (the CKA practice `kubectl autoscale` on a bare nginx).
      spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    });
    c.api().create({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas, maxReplicas, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
    });
    c.advance(30_000);
    return c;
  }

  it('scales up to minReplicas even without metrics', () => {
    const c = cluster(1, 2, 6);
    expect(c.store.peek('deployments.apps', 'default', 'web')?.spec?.replicas).toBe(2);
    const events = c.store.peekList('events', 'default').filter((e) => e.reason === 'SuccessfulRescale').map((e) => e.message);
    expect(events).toEqual(['New size: 2; reason: Current number of replicas below Spec.MinReplicas']);
    const hpa = c.store.peek('horizontalpodautoscalers.autoscaling', 'default', 'web')!;
    expect(hpa.status.desiredReplicas).toBe(2);
  });

  it('scales down to maxReplicas', () => {
    const c = cluster(5, 1, 3);
    expect(c.store.peek('deployments.apps', 'default', 'web')?.spec?.replicas).toBe(3);
    const events = c.store.peekList('events', 'default').filter((e) => e.reason === 'SuccessfulRescale').map((e) => e.message);
    expect(events).toEqual(['New size: 3; reason: Current number of replicas above Spec.MaxReplicas']);
  });
});
