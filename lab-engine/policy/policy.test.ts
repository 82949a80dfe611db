import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { EVICTION_SERVICE } from './eviction';
import { ApiError } from '../api/errors';

function setup(replicas: number, minAvailable: number | string) {
  const c = createCluster({ seed: 4 });
  c.settle();
  const api = c.api();
  api.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } },
  });
  api.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb', namespace: 'default' }, spec: { minAvailable, selector: { matchLabels: { app: 'web' } } } });
  c.settle();
  return c;
}

describe('PodDisruptionBudget and eviction', () => {
  it('keeps the budget status as the disruption controller does', () => {
    const c = setup(3, 2);
    const pdb = c.store.peek('poddisruptionbudgets.policy', 'default', 'web-pdb')!;
    expect(pdb.status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3, observedGeneration: 1 });
    expect(pdb.status.conditions[0]).toMatchObject({ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods' });
  });

  it('evicts while the budget allows it and then refuses with 429 and the API server message', () => {
    const c = setup(2, 1);
    const evict = c.services.get(EVICTION_SERVICE) as { evict(ns: string, name: string): void };
    const [first, second] = c.store.peekList('pods', 'default').filter((p) => p.metadata.labels?.app === 'web');
    evict.evict('default', first.metadata.name!);
    c.step(); // the disruption controller resyncs: the evicted pod no longer counts as healthy
    try {
      evict.evict('default', second.metadata.name!);
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).status).toMatchObject({
        code: 429,
        reason: 'TooManyRequests',
        message: "Cannot evict pod as it would violate the pod's disruption budget.",
        details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 1 healthy pods and has 1 currently' }] },
      });
    }
    c.settle();
    // The replacement pod becomes ready: the budget allows one disruption again.
    expect(c.store.peek('poddisruptionbudgets.policy', 'default', 'web-pdb')?.status?.disruptionsAllowed).toBe(1);
  });

  it('validates the spec with the API server wording', () => {
    const c = createCluster({ seed: 1, topology: 'bare' });
    expect(() => c.api().create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'x', namespace: 'default' }, spec: { minAvailable: 1, maxUnavailable: 1 } })).toThrowError(/minAvailable and maxUnavailable cannot be both set/);
  });
});
