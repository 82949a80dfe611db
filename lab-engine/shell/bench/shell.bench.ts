import { createSession, type Session } from '../../session/session';
import { summarize, type BenchLine } from '../../sim/bench/stats';

/**
 * Terminal figures from issue 4, measured through the whole session (shell
 * parsing, alias expansion, kubectl, printers) on a cluster with 100 pods:
 * `kubectl get pods` p50/p99, `kubectl describe pod` p99, and a three-stage
 * pipeline p99.
 */
async function measure(session: Session, line: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await session.run(line);
    samples.push(performance.now() - t0);
    if (i === 0 && r.exitCode !== 0) throw new Error(`${line}: exit ${r.exitCode}: ${r.stderr.slice(0, 200)}`);
  }
  return samples.slice(Math.floor(runs / 10));
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
  const get = summarize(await measure(session, 'kubectl get pods', 300));
  lines.push({ name: 'shell: kubectl get pods (100 pods), p50', value: get.p50, unit: 'ms', goal: 1 });
  lines.push({ name: 'shell: kubectl get pods (100 pods), p99', value: get.p99, unit: 'ms', goal: 5 });
  const describe = summarize(await measure(session, `kubectl describe pod ${pods[0]?.metadata.name ?? 'x'}`, 200));
  lines.push({ name: 'shell: kubectl describe pod, p99', value: describe.p99, unit: 'ms', goal: 5 });
  const pipe = summarize(await measure(session, 'kubectl get pods | grep web | wc -l', 200));
  lines.push({ name: 'shell: kubectl get pods | grep web | wc -l, p99', value: pipe.p99, unit: 'ms', goal: 10 });
  lines.push({ name: 'shell: pods in the benchmark cluster', value: pods.length, unit: 'pods' });
  return lines;
}
