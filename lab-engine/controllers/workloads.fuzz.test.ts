import { describe, expect, it } from 'vitest';
import { Rng } from '../base/rng';
import type { Cluster } from '../sim/cluster';
import { assertInvariants } from '../sim/invariants';
import { R } from './common/kinds';
import { addNodes, bareCluster, finishPod, runPod } from './testing/fixture';

/**
 * Seeded random operation sequences against the workload controllers, with a
 * stand-in for scheduler + kubelet (bind and run pods, finish them, remove
 * terminating ones). After every settle the invariants hold; the same seed
 * gives the same stateHash.
 */
const NAMES = ['a', 'b', 'c'];
const IMAGES = ['nginx:1.27', 'nginx:1.28', 'httpd:2.4'];

function template(app: string, image: string) {
  return { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image }] } };
}

type Op = (c: Cluster, rng: Rng) => void;

const api = (c: Cluster) => c.api();
const tryIt = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Error) || !/not found|already exists|Conflict|modified/.test(e.message)) throw e;
  }
};

const OPS: Op[] = [
  (c, rng) => {
    const n = rng.pick(NAMES);
    const strategy = rng.int(3) === 0 ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxSurge: rng.pick([0, 1, '25%']), maxUnavailable: rng.pick([1, '25%', '50%']) } };
    tryIt(() => api(c).create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `d-${n}`, namespace: 'default' }, spec: { replicas: rng.int(5), strategy, revisionHistoryLimit: rng.int(3), selector: { matchLabels: { app: `d-${n}` } }, template: template(`d-${n}`, rng.pick(IMAGES)) } }));
  },
  (c, rng) => {
    const d = rng.pick([...c.store.peekList(R.deployments, 'default'), undefined]);
    if (d) tryIt(() => api(c).update({ ...d, spec: { ...d.spec, replicas: rng.int(6) } }));
  },
  (c, rng) => {
    const d = rng.pick([...c.store.peekList(R.deployments, 'default'), undefined]);
    if (d) tryIt(() => api(c).update({ ...d, spec: { ...d.spec, template: template(d.metadata.name!, rng.pick(IMAGES)) } }));
  },
  (c, rng) => {
    const d = rng.pick([...c.store.peekList(R.deployments, 'default'), undefined]);
    if (d) tryIt(() => api(c).delete(c.registry.resolve('deploy')!, 'default', d.metadata.name!, { propagationPolicy: rng.pick(['Background', 'Foreground', 'Orphan'] as const) }));
  },
  (c, rng) => {
    const n = rng.pick(NAMES);
    tryIt(() => api(c).create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: `j-${n}`, namespace: 'default' }, spec: { completions: 1 + rng.int(3), parallelism: 1 + rng.int(2), backoffLimit: rng.int(3), template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } }));
  },
  (c, rng) => {
    const n = rng.pick(NAMES);
    tryIt(() => api(c).create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: `s-${n}`, namespace: 'default' }, spec: { replicas: rng.int(4), podManagementPolicy: rng.pick(['OrderedReady', 'Parallel']), serviceName: 's', selector: { matchLabels: { app: `s-${n}` } }, template: template(`s-${n}`, rng.pick(IMAGES)) } }));
  },
  (c, rng) => {
    const s = rng.pick([...c.store.peekList(R.statefulSets, 'default'), undefined]);
    if (s) tryIt(() => api(c).update({ ...s, spec: { ...s.spec, replicas: rng.int(4), template: template(s.metadata.name!, rng.pick(IMAGES)) } }));
  },
  (c) => tryIt(() => api(c).create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'ds' } }, template: template('ds', 'busybox') } })),
  // The kubelet's part: run pending pods, finish some, remove terminating ones.
  (c, rng) => {
    for (const p of c.store.peekList(R.pods, 'default')) if (!p.metadata.deletionTimestamp && p.status?.phase !== 'Running' && !['Succeeded', 'Failed'].includes(p.status?.phase) && rng.int(4) > 0) runPod(c, p, rng.pick(['node01', 'node02']));
  },
  (c, rng) => {
    const p = rng.pick([...c.store.peekList(R.pods, 'default').filter((x) => x.status?.phase === 'Running' && !x.metadata.deletionTimestamp), undefined]);
    if (p) finishPod(c, p, rng.pick(['Succeeded', 'Failed'] as const));
  },
  (c) => {
    for (const p of c.store.peekList(R.pods, 'default')) if (p.metadata.deletionTimestamp) tryIt(() => api(c).delete(c.registry.resolve('pods')!, 'default', p.metadata.name!, { gracePeriodSeconds: 0 }));
  },
  (c, rng) => {
    const p = rng.pick([...c.store.peekList(R.pods, 'default'), undefined]);
    if (p) tryIt(() => api(c).delete(c.registry.resolve('pods')!, 'default', p.metadata.name!));
  },
  (c, rng) => c.advance(rng.int(30_000)),
];

function run(seed: number, steps: number, stats?: Map<string, number>): string {
  const c = bareCluster(seed);
  addNodes(c, [{ name: 'node01' }, { name: 'node02' }]);
  const rng = new Rng(seed, 'fuzz');
  for (let i = 0; i < steps; i++) {
    rng.pick(OPS)(c, rng);
    c.settle({ maxMs: 60_000 });
    try {
      assertInvariants(c);
    } catch (e) {
      throw new Error(`seed ${seed}, step ${i}: ${(e as Error).message}`);
    }
  }
  for (const o of c.snapshot()) stats?.set(o.kind, (stats.get(o.kind) ?? 0) + 1);
  return c.stateHash();
}

describe('workload controllers under random operations', () => {
  const stats = new Map<string, number>();
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: invariants hold and the run replays to the same hash`, () => {
      expect(run(seed, 60, stats)).toBe(run(seed, 60));
    });
  }
  it('exercised every workload kind', () => {
    for (const kind of ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Pod', 'ControllerRevision', 'Event']) expect(stats.get(kind) ?? 0).toBeGreaterThan(0);
  });
});
