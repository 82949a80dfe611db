/**
 * kubectl read-side benchmarks (issue 4): `kubectl get pods` on a 100-pod
 * namespace (p50 ≤ 1 ms, p99 ≤ 5 ms) and `describe pod` (p99 ≤ 5 ms), run
 * through the real command path (flag parsing, API client, printers).
 */
import { summarize, type BenchLine } from '../../sim/bench/stats';
import { FakeHost } from '../testing/fake-host';
import { seedObjects } from '../testing-fixtures';
import type { KubeObject } from '../../api/types';

function pods(now: number, n: number): KubeObject[] {
  const out: KubeObject[] = [];
  for (let i = 0; i < n; i++) {
    const ts = new Date(now - (i + 1) * 61_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    out.push({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: `web-7c5ddbdf54-${String(i).padStart(5, 'x')}`, namespace: 'default', labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' }, creationTimestamp: ts },
      spec: { nodeName: `node0${(i % 2) + 1}`, containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
      status: {
        phase: 'Running', podIP: `10.244.1.${i}`, podIPs: [{ ip: `10.244.1.${i}` }], startTime: ts,
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [{ name: 'nginx', ready: true, restartCount: i % 3, state: { running: { startedAt: ts } }, lastState: i % 3 ? { terminated: { exitCode: 1, reason: 'Error', finishedAt: ts } } : {} }],
      },
    });
  }
  return out;
}

async function measure(host: FakeHost, line: string, iterations: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < iterations + 50; i++) {
    const t0 = performance.now();
    const r = await host.run(line);
    const ms = performance.now() - t0;
    if (r.code !== 0) throw new Error(`${line}: ${r.stderr}`);
    if (i >= 50) samples.push(ms);
  }
  return samples;
}

export async function benchKubectlRead(): Promise<BenchLine[]> {
  const host = new FakeHost();
  seedObjects(host.cluster, pods(host.cluster.clock.nowMs(), 100));
  const get = summarize(await measure(host, 'kubectl get pods', 1000));
  const wide = summarize(await measure(host, 'kubectl get pods -o wide --show-labels', 500));
  const yaml = summarize(await measure(host, 'kubectl get pods -o yaml', 200));
  const desc = summarize(await measure(host, 'kubectl describe pod web-7c5ddbdf54-xxx42', 1000));
  return [
    { name: 'kubectl get pods (100 pods) p50', value: get.p50, unit: 'ms', goal: 1, direction: 'max' },
    { name: 'kubectl get pods (100 pods) p95', value: get.p95, unit: 'ms' },
    { name: 'kubectl get pods (100 pods) p99', value: get.p99, unit: 'ms', goal: 5, direction: 'max' },
    { name: 'kubectl describe pod p50', value: desc.p50, unit: 'ms' },
    { name: 'kubectl get pods -o wide --show-labels (100 pods) p50', value: wide.p50, unit: 'ms' },
    { name: 'kubectl get pods -o yaml (100 pods) p50', value: yaml.p50, unit: 'ms' },
    { name: 'kubectl describe pod p99', value: desc.p99, unit: 'ms', goal: 5, direction: 'max' },
  ];
}
