import { loadLab } from '../load-lab';
import { replayAndGrade, startLab } from '../lab-session';
import type { BenchLine } from '../../sim/bench/stats';
import { cpuNowMs, summarize } from '../../sim/bench/stats';

const LAB = `
id: bench-lab
title: Bench
seed: 3
settleSeconds: 0
tasks:
  - id: scaled
    ask: Scale web to 3.
    checks:
      - object: deployment/shop/web
        expect: { spec.replicas: 3 }
solution: kubectl -n shop scale deploy web --replicas=3
`;

/** A realistic 30-command learner transcript: creates, gets, describes, scales, labels. */
const LINES = [
  'kubectl create namespace shop',
  'kubectl -n shop create deployment web --image=nginx:1.27 --replicas=2',
  'kubectl -n shop get deploy',
  'kubectl -n shop get pods -o wide',
  'kubectl -n shop describe deploy web',
  'kubectl -n shop scale deploy web --replicas=3',
  'kubectl -n shop get rs',
  'kubectl -n shop expose deploy web --port=80',
  'kubectl -n shop get svc web -o yaml',
  'kubectl -n shop label deploy web tier=frontend',
  'kubectl -n shop get deploy --show-labels',
  'kubectl -n shop create configmap cfg --from-literal=a=b',
  'kubectl -n shop get cm cfg -o jsonpath={.data.a}',
  'kubectl get nodes',
  'kubectl get pods -A',
  'kubectl -n shop set image deploy/web nginx=nginx:1.28',
  'kubectl -n shop rollout history deploy/web',
  'kubectl -n shop get events',
  'kubectl -n shop annotate deploy web owner=me',
  'kubectl -n shop get all',
  'echo done > /tmp/x',
  'cat /tmp/x',
  'kubectl -n shop get pods | grep web | wc -l',
  'kubectl -n shop delete cm cfg',
  'kubectl -n shop get cm',
  'kubectl api-resources',
  'kubectl -n shop get deploy web -o json',
  'kubectl -n shop describe svc web',
  'kubectl version',
  'kubectl -n shop get pods --show-labels',
];

/** Issue 7: server replay-and-grade of a 30-command transcript, per second on one thread. */
export async function benchGrading(): Promise<BenchLine[]> {
  const r = loadLab(LAB);
  if (!r.ok) throw new Error('bench lab invalid');
  const s = await startLab(r.lab, Date.UTC(2026, 0, 5, 9));
  let t = s.nowMs();
  for (const line of LINES) {
    t += 3000;
    await s.advanceTo(t);
    await s.run(line);
  }
  const transcript = s.transcript();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 25; i++) {
    const c0 = cpuNowMs();
    const t0 = performance.now();
    await replayAndGrade(r.lab, transcript);
    samples.push(performance.now() - t0);
    cpu.push(cpuNowMs() - c0);
  }
  const st = summarize(samples.slice(5));
  return [
    { name: 'replay-and-grade, 30-command transcript, p50 (one thread)', value: st.p50, unit: 'ms' },
    { name: 'replay-and-grade, 30-command transcript, CPU p50', value: summarize(cpu.slice(5)).p50, unit: 'ms' },
    { name: 'replay-and-grade throughput, one thread', value: 1000 / st.p50, unit: '/s' },
    { name: 'replay-and-grade throughput, 2 cores (2 x one thread)', value: 2000 / st.p50, unit: '/s', goal: 500, direction: 'min' },
  ];
}
