import { it } from 'vitest';
import { createCluster } from '/work/main/lab-engine/sim/cluster';
it('perf', () => {
  for (const [nodes, pods] of [[3, 100], [100, 3000], [1000, 20000]]) {
    const t0 = performance.now();
    const c = createCluster({ seed: 1, topology: { name: 'x', systemPods: false, nodes: Array.from({ length: nodes }, (_, i) => ({ name: `n${String(i).padStart(4, '0')}`, cpu: '8', memory: '32Gi' })) } });
    c.settle();
    const t1 = performance.now();
    for (let i = 0; i < pods; i++) c.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '10m' } } }] } });
    const t2 = performance.now();
    c.settle();
    const t3 = performance.now();
    const running = c.store.peekList('pods').filter((p) => p.status?.phase === 'Running').length;
    console.log(`${nodes} nodes boot ${(t1 - t0).toFixed(0)}ms; ${pods} pods create ${(t2 - t1).toFixed(0)}ms settle ${(t3 - t2).toFixed(0)}ms running=${running} heap=${(process.memoryUsage().heapUsed / 1e6).toFixed(0)}MB`);
  }
}, 600_000);
