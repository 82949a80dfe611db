import { createCluster, type Cluster } from '../cluster';
import { summarize, time, type BenchLine } from './stats';

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
export async function benchCore(opts: { scale: boolean }): Promise<BenchLine[]> {
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

  if (opts.scale) lines.push(...scaleRun());
  return lines;
}

/** 5,000 nodes and 150,000 pods through Deployments to Running. */
function scaleRun(): BenchLine[] {
  const nodes = Array.from({ length: 5000 }, (_, i) => ({ name: `node${String(i).padStart(4, '0')}`, cpu: '64', memory: '256Gi', pods: 110 }));
  const t0 = performance.now();
  const c = createCluster({ seed: 5, topology: { name: 'scale', systemPods: false, nodes } });
  c.settle();
  for (let i = 0; i < 300; i++) c.api().create(deployment(`d${i}`, 500));
  c.settle({ maxSteps: 50_000_000 });
  const ms = performance.now() - t0;
  const heapMb = process.memoryUsage().heapUsed / (1024 * 1024);
  return [
    { name: 'scale run: 5,000 nodes + 150,000 pods to Running', value: ms / 1000, unit: 's', goal: 60, note: `${runningPods(c)} running` },
    { name: 'scale run heap', value: heapMb, unit: 'MB', goal: 1024 },
  ];
}
