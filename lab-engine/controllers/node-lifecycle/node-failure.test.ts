import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { assertInvariants } from '../../sim/invariants';
import { R } from '../common/kinds';

interface KubeletControl {
  stopNode(name: string): void;
  startNode(name: string): void;
}

describe('a node that stops (default cluster, real kubelets and scheduler)', () => {
  it('goes Unknown after 50 s, is tainted, and its Deployment pods are evicted after 300 s and replaced elsewhere', () => {
    const c = createCluster({ seed: 21 });
    c.settle();
    c.api().create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    });
    c.settle();
    const onNode01 = () => c.store.peekList(R.pods, 'default').filter((p) => p.spec.nodeName === 'node01' && !p.metadata.deletionTimestamp).length;
    expect(onNode01()).toBeGreaterThan(0);
    (c.services.get('kubelet') as KubeletControl).stopNode('node01');
    c.advance(40_000);
    expect(c.store.peek(R.nodes, '', 'node01')!.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('True');
    c.advance(20_000);
    const node = c.store.peek(R.nodes, '', 'node01')!;
    expect(node.status.conditions.find((x: { type: string }) => x.type === 'Ready')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(node.spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    c.advance(300_000);
    c.settle();
    // Evicted pods stay Terminating (no kubelet to confirm); their replacements run on node02.
    const live = c.store.peekList(R.pods, 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(live.length).toBe(4);
    expect(live.every((p) => p.spec.nodeName === 'node02' && p.status.phase === 'Running')).toBe(true);
    const reasons = c.store.peekList('events', 'default').map((e) => e.reason);
    expect(reasons).toContain('TaintManagerEviction');
    assertInvariants(c);
  });
});
