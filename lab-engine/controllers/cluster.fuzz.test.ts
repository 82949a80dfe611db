import { describe, expect, it } from 'vitest';
import { Rng } from '../base/rng';
import { createCluster } from '../sim/cluster';
import { assertInvariants } from '../sim/invariants';
import { R } from './common/kinds';

/**
 * The whole engine (scheduler and kubelets included) on the default
 * topology: random Deployment operations, invariants after every settle,
 * identical hashes for identical seeds.
 */
function run(seed: number, steps: number): string {
  const c = createCluster({ seed });
  c.settle();
  const rng = new Rng(seed, 'cluster-fuzz');
  const api = c.api();
  const def = c.registry.resolve('deploy')!;
  for (let i = 0; i < steps; i++) {
    const name = `web-${rng.int(3)}`;
    const d = c.store.peek(R.deployments, 'default', name);
    const image = rng.pick(['nginx:1.27', 'nginx:1.28', 'httpd:2.4', 'nginx:no-such-tag']);
    if (!d) {
      api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' }, spec: { replicas: rng.int(4), selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }] } } } });
    } else if (rng.int(4) === 0) {
      api.delete(def, 'default', name);
    } else if (rng.int(2) === 0) {
      api.update({ ...d, spec: { ...d.spec, replicas: rng.int(6) } });
    } else {
      api.update({ ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { containers: [{ name: 'c', image }] } } } });
    }
    c.settle({ maxMs: 120_000 });
    try {
      assertInvariants(c);
    } catch (e) {
      throw new Error(`seed ${seed}, step ${i}: ${(e as Error).message}`);
    }
  }
  return c.stateHash();
}

describe('default cluster under random Deployment operations', () => {
  for (const seed of [11, 12]) {
    it(`seed ${seed}: invariants hold and replay gives the same hash`, () => {
      expect(run(seed, 15)).toBe(run(seed, 15));
    });
  }
});
