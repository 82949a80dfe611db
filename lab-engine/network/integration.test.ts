import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { getNetwork } from './service';

/** The network inside the whole cluster (controllers, scheduler, kubelets): the lesson "expose a deployment and curl it". */
describe('network in a full default cluster', () => {
  it('a Deployment exposed with a NodePort answers from the learner machine and from pods', () => {
    const c = createCluster({ seed: 42 });
    c.settle();
    const api = c.api();
    api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });
    api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] } });
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] } });
    c.settle();
    const net = getNetwork(c.services);
    const cp = net.nodeIP('controlplane')!;
    expect(c.store.peek('endpoints', 'default', 'kubernetes')!.subsets[0].addresses).toEqual([{ ip: cp }]);
    const node01 = net.nodeIP('node01')!;
    const outside = net.request({ from: 'outside', url: `http://${node01}:30080/` });
    expect(outside.ok && outside.status).toBe(200);
    expect(outside.ok && outside.body).toContain('Welcome to nginx!');
    const inside = net.request({ from: { namespace: 'default', pod: 'client' }, url: 'http://web' });
    expect(inside.ok && inside.status).toBe(200);
    const dns = net.dnsLookup({ from: { namespace: 'default', pod: 'client' }, name: 'kubernetes.default' });
    expect(dns.addresses).toEqual(['10.96.0.1']);
  });
});
