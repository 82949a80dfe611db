import { describe, expect, it } from 'vitest';
import { NetCluster } from './testing/net-cluster';
import { FlowLog } from './flow-log';

function cluster(): NetCluster {
  const c = new NetCluster();
  c.addPod('kube-system', 'coredns-1', { labels: { 'k8s-app': 'kube-dns' }, node: 'controlplane', image: 'registry.k8s.io/coredns/coredns:v1.11.3' });
  c.addNamespace('secure');
  c.addPod('secure', 'db', { labels: { app: 'db' }, node: 'node01' });
  c.addPod('secure', 'frontend', { labels: { role: 'frontend' }, node: 'node02', image: 'busybox:1.36' });
  c.addPod('secure', 'intruder', { labels: { role: 'other' }, node: 'node02', image: 'busybox:1.36' });
  c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'secure' }, spec: { selector: { app: 'db' }, ports: [{ port: 80 }] } });
  c.apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'secure' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
  c.apply({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'allow-frontend', namespace: 'secure' },
    spec: { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ port: 80 }] }] },
  });
  return c;
}

describe('flow log', () => {
  it('records each flow with its verdict and the deciding policies (rule index for allows)', () => {
    const c = cluster();
    c.net.request({ from: { namespace: 'secure', pod: 'intruder' }, url: 'http://db.secure/' });
    c.net.request({ from: { namespace: 'secure', pod: 'frontend' }, url: 'http://db.secure/' });
    c.net.tcpConnect({ from: { namespace: 'secure', pod: 'intruder' }, host: 'db.secure', port: 80 });
    c.net.tcpConnect({ from: { namespace: 'secure', pod: 'frontend' }, host: 'db.secure', port: 5432 });
    c.net.dnsLookup({ from: { namespace: 'secure', pod: 'frontend' }, name: 'nope' });
    const [denied, allowed, tcp, unknownPort, dns] = c.net.flowLog();
    expect(denied).toMatchObject({ seq: 1, kind: 'http', fromLabel: 'secure/intruder', to: 'http://db.secure/', port: 80, verdict: 'denied', outcome: 'timeout', count: 1 });
    expect(denied.deniedBy.map((p) => `${p.direction} ${p.namespace}/${p.name}`).sort()).toEqual(['Ingress secure/allow-frontend', 'Ingress secure/default-deny']);
    expect(denied.atMs).toBe(c.clock.nowMs());
    expect(allowed).toMatchObject({ verdict: 'allowed', outcome: 'HTTP 200', allowedBy: [{ namespace: 'secure', name: 'allow-frontend', direction: 'Ingress', rule: 0 }] });
    expect(allowed.path.map((h) => h.kind)).toContain('ingress-policy');
    expect(tcp).toMatchObject({ kind: 'tcp', to: 'db.secure:80', verdict: 'denied' });
    // Not a policy decision: the Service has no port 5432, kube-proxy drops it.
    expect(unknownPort).toMatchObject({ kind: 'tcp', to: 'db.secure:5432', verdict: 'failed', outcome: 'timeout', deniedBy: [] });
    expect(dns).toMatchObject({ kind: 'dns', to: 'nope', verdict: 'failed', outcome: 'NXDOMAIN' });
  });

  it('coalesces a repeated flow, filters by pod/verdict/seq, skips unrecorded probes, and stays bounded', () => {
    const c = cluster();
    for (let i = 0; i < 50; i++) {
      c.net.request({ from: { namespace: 'secure', pod: 'frontend' }, url: 'http://db.secure/' });
      c.clock.advanceTo(c.clock.nowMs() + 10);
    }
    const [loop] = c.net.flowLog();
    expect(loop).toMatchObject({ count: 50, lastAtMs: loop.atMs + 490 });
    c.net.request({ from: { namespace: 'secure', pod: 'intruder' }, url: 'http://db.secure/', record: false });
    expect(c.net.flowLog()).toHaveLength(1);
    c.net.ping({ from: { namespace: 'secure', pod: 'intruder' }, host: 'db.secure' });
    expect(c.net.flowLog({ afterSeq: loop.seq })).toMatchObject([{ kind: 'icmp', fromLabel: 'secure/intruder' }]);
    expect(c.net.flowLog({ pod: { namespace: 'secure', name: 'db' } })).toHaveLength(1); // received by db (the ping never reached a pod)
    expect(c.net.flowLog({ verdict: 'allowed', limit: 5 })).toHaveLength(1);

    const log = new FlowLog(3);
    for (let i = 0; i < 5; i++) log.record({ kind: 'tcp', from: 'outside', to: `x:${i}`, verdict: 'failed', outcome: 'timeout', trace: { path: [] } }, i);
    expect(log.query().map((f) => f.seq)).toEqual([3, 4, 5]);
  });
});
