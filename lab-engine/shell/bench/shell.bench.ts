import { createSession, type Session } from '../../session/session';
import { summarize, type BenchLine } from '../../sim/bench/stats';

/**
 * Terminal figures from issue 4, measured through the whole session (shell
 * parsing, alias expansion, kubectl, printers) on a cluster with 100 pods:
 * `kubectl get pods` p50/p99, `kubectl describe pod` p99, and a three-stage
 * pipeline p99.
 */
/** Wall-clock samples, plus CPU-time ones (the CPU figure stays meaningful on a loaded machine). */
async function measure(session: Session, line: string, runs: number): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await session.run(line);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (i === 0 && r.exitCode !== 0) throw new Error(`${line}: exit ${r.exitCode}: ${r.stderr.slice(0, 200)}`);
  }
  const warm = Math.floor(runs / 10);
  return { wall: wall.slice(warm), cpu: cpu.slice(warm) };
}

export async function benchShell(): Promise<BenchLine[]> {
  const session = await createSession({ seed: 42 });
  const api = session.cluster.api();
  api.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 100,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '1m', memory: '1Mi' } } }] } },
    },
  });
  session.cluster.settle();
  const pods = session.cluster.store.peekList('pods', 'default');
  const lines: BenchLine[] = [];
  const get = await measure(session, 'kubectl get pods', 300);
  lines.push({ name: 'shell: kubectl get pods (100 pods), p50', value: summarize(get.wall).p50, unit: 'ms', goal: 1 });
  lines.push({ name: 'shell: kubectl get pods (100 pods), p99', value: summarize(get.wall).p99, unit: 'ms', goal: 5 });
  lines.push({ name: 'shell: kubectl get pods (100 pods), CPU p50', value: summarize(get.cpu).p50, unit: 'ms' });
  const describe = await measure(session, `kubectl describe pod ${pods[0]?.metadata.name ?? 'x'}`, 200);
  lines.push({ name: 'shell: kubectl describe pod, p99', value: summarize(describe.wall).p99, unit: 'ms', goal: 5 });
  lines.push({ name: 'shell: kubectl describe pod, CPU p50', value: summarize(describe.cpu).p50, unit: 'ms' });
  const pipe = await measure(session, 'kubectl get pods | grep web | wc -l', 200);
  lines.push({ name: 'shell: kubectl get pods | grep web | wc -l, p99', value: summarize(pipe.wall).p99, unit: 'ms', goal: 10 });
  lines.push({ name: 'shell: kubectl get pods | grep web | wc -l, CPU p50', value: summarize(pipe.cpu).p50, unit: 'ms' });
  lines.push({ name: 'shell: pods in the benchmark cluster', value: pods.length, unit: 'pods' });
  return lines;
}
