import { createCluster, type Cluster } from '../cluster';
import { summarize, time, type BenchLine } from './stats';
import { numFeasibleNodesToFind } from '../../scheduler/plugin-order';

function deployment(name: string, replicas: number, namespace = 'default') {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '1m', memory: '1Mi' } } }] } },
    },
  };
}

function runningPods(c: Cluster): number {
  return c.store.peekList('pods').filter((p) => p.status?.phase === 'Running').length;
}

/** Engine core figures from issue 3: boot, a 100-replica rollout, heap per cluster, the scale run. */
export async function benchCore(opts: { scale: boolean; scaleFull?: boolean }): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const boots: number[] = [];
  const bootCpu: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t = time(() => createCluster({ seed: i }).settle());
    boots.push(t.ms);
    bootCpu.push(t.cpuMs);
  }
  const b = summarize(boots.slice(10));
  lines.push({ name: 'boot default cluster to settled, p95', value: b.p95, unit: 'ms', goal: 10 });
  lines.push({ name: 'boot default cluster to settled, p50', value: b.p50, unit: 'ms' });
  lines.push({ name: 'boot default cluster to settled, CPU p50', value: summarize(bootCpu.slice(10)).p50, unit: 'ms' });

  const deploys: number[] = [];
  const deployCpu: number[] = [];
  for (let i = 0; i < 15; i++) {
    const c = createCluster({ seed: 100 + i });
    c.settle();
    const t = time(() => {
      c.api().create(deployment('big', 100));
      c.settle();
    });
    deploys.push(t.ms);
    deployCpu.push(t.cpuMs);
    if (i === 0 && runningPods(c) < 100) lines.push({ name: 'WARNING: 100-replica deployment did not reach Running', value: runningPods(c), unit: 'pods' });
  }
  lines.push({ name: '100-replica Deployment created and settled, p50', value: summarize(deploys.slice(3)).p50, unit: 'ms', goal: 20 });
  lines.push({ name: '100-replica Deployment created and settled, CPU p50', value: summarize(deployCpu.slice(3)).p50, unit: 'ms' });

  const g = globalThis as { gc?: () => void };
  if (g.gc) {
    g.gc();
    const before = process.memoryUsage().heapUsed;
    const keep: Cluster[] = [];
    for (let i = 0; i < 100; i++) {
      const c = createCluster({ seed: i });
      c.settle();
      keep.push(c);
    }
    g.gc();
    const per = (process.memoryUsage().heapUsed - before) / 100 / (1024 * 1024);
    lines.push({ name: 'heap per booted cluster (100 clusters)', value: per, unit: 'MB', goal: 2, note: `${keep.length} kept` });
  } else {
    lines.push({ name: 'heap per booted cluster: run with node --expose-gc', value: 0, unit: 'MB' });
  }

  if (opts.scaleFull) lines.push(...scaleRun(5000, 300));
  else if (opts.scale) lines.push(...scaleEstimate());
  return lines;
}

interface ScaleResult {
  nodes: number;
  pods: number;
  running: number;
  ms: number;
  cpuMs: number;
  heapMb: number;
}

/**
 * `nodes` nodes (64 CPU, 256 GiB, 110 pods each) and `deployments` Deployments of 500 replicas,
 * from an empty cluster to every pod Running. Heap is measured after a full GC where available.
 */
function scaleCluster(nodes: number, deployments: number): ScaleResult {
  const g = globalThis as { gc?: () => void };
  g.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const list = Array.from({ length: nodes }, (_, i) => ({ name: `node${String(i).padStart(4, '0')}`, cpu: '64', memory: '256Gi', pods: 110 }));
  const t = time(() => {
    const c = createCluster({ seed: 5, topology: { name: 'scale', systemPods: false, nodes: list } });
    c.settle();
    for (let i = 0; i < deployments; i++) c.api().create(deployment(`d${i}`, 500));
    c.settle({ maxSteps: 50_000_000 });
    return c;
  });
  g.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / (1024 * 1024);
  return { nodes, pods: deployments * 500, running: runningPods(t.value), ms: t.ms, cpuMs: t.cpuMs, heapMb };
}

/** The full run: 5,000 nodes and 150,000 pods through Deployments to Running (`--scale-full`). */
function scaleRun(nodes: number, deployments: number): BenchLine[] {
  const r = scaleCluster(nodes, deployments);
  return [
    { name: `scale run: ${r.nodes} nodes + ${r.pods} pods to Running`, value: r.ms / 1000, unit: 's', goal: 60, note: `${r.running} running, CPU ${(r.cpuMs / 1000).toFixed(1)} s` },
    { name: 'scale run heap', value: r.heapMb, unit: 'MB', goal: 1024 },
  ];
}

/**
 * `--scale`: two smaller runs with the full run's shape (30 pods per node), and the full size
 * extrapolated from them. Cost per pod grows with the nodes the scheduler filters and scores per
 * pod (numFeasibleNodesToFind: 120 of 250, 420 of 1,000, 500 of 5,000), so the per-pod time is
 * fitted linearly in that number through both runs, then multiplied by 150,000 pods.
 */
function scaleEstimate(): BenchLine[] {
  const small = scaleCluster(250, 15);
  const large = scaleCluster(1000, 60);
  const perPod = (r: ScaleResult, v: number) => v / r.pods;
  const [xs, xl, xf] = [small.nodes, large.nodes, 5000].map(numFeasibleNodesToFind);
  const at5000 = (a: number, b: number) => b + (b - a) / (xl - xs) * (xf - xl);
  const msPerPod = at5000(perPod(small, small.ms), perPod(large, large.ms));
  const cpuPerPod = at5000(perPod(small, small.cpuMs), perPod(large, large.cpuMs));
  const mbPerPod = Math.max(perPod(small, small.heapMb), perPod(large, large.heapMb));
  const lines: BenchLine[] = [];
  for (const r of [small, large]) {
    lines.push({ name: `scale: ${r.nodes} nodes + ${r.pods} pods to Running`, value: r.ms / 1000, unit: 's', note: `${r.running} running, CPU ${(r.cpuMs / 1000).toFixed(1)} s, heap ${r.heapMb.toFixed(0)} MB` });
  }
  lines.push({ name: 'scale run 5,000 nodes + 150,000 pods, EXTRAPOLATED', value: (msPerPod * 150_000) / 1000, unit: 's', goal: 60, note: 'wall; per-pod cost fitted on the two runs above; --scale-full runs it' });
  lines.push({ name: 'scale run 5,000 nodes + 150,000 pods, EXTRAPOLATED CPU', value: (cpuPerPod * 150_000) / 1000, unit: 's', goal: 60, note: 'CPU time: steadier than wall on a shared machine' });
  lines.push({ name: 'scale run heap, EXTRAPOLATED', value: mbPerPod * 150_000, unit: 'MB', goal: 1024, note: 'largest per-pod heap of the two runs x 150,000' });
  return lines;
}
