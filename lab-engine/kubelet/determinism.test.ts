import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { pod } from './testing';

/** The same calls on the same seed give the same state, whatever the pods do over time. */
function run(seed: number): string {
  const c = createCluster({ seed, topology: 'default' });
  c.settle();
  const api = c.api();
  api.create(pod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } }] }));
  api.create(pod('crash', { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo $(date); sleep 3; exit 1'] }] }));
  api.create(pod('bad', { containers: [{ name: 'c', image: 'nosuchimage:1' }] }));
  api.create(pod('big', { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '5' } } }] }));
  c.settle();
  c.advance(120_000);
  return c.stateHash();
}

describe('kubelet and scheduler determinism', () => {
  it('replays to the same state hash', () => {
    expect(run(11)).toBe(run(11));
  });
});
