import { describe, expect, it } from 'vitest';
import { NetCluster } from '../testing/net-cluster';
import type { Json } from '../../api/types';
import type { PolicyRef, TrafficSource } from '../service';

/**
 * Table-driven NetworkPolicy flows: the examples of
 * kubernetes.io/docs/concepts/services-networking/network-policies/ and
 * ahmetb/kubernetes-network-policy-recipes (numbers in the names), each run
 * on a fresh cluster:
 *   default: web (app=web, :80), db (app=db, :6379 "redis"), client (run=client), monitor (role=monitoring)
 *   prod (env=prod, team=a): api (app=api, :5678 "http"), client (run=client)
 *   dev (env=dev): client (run=client)
 *   kube-system: coredns (k8s-app=kube-dns)
 */
function world(policies: Json[], clientNode = 'node02'): NetCluster {
  const c = new NetCluster();
  c.addNamespace('prod', { env: 'prod', team: 'a' });
  c.addNamespace('dev', { env: 'dev' });
  c.addPod('kube-system', 'coredns', { labels: { 'k8s-app': 'kube-dns' }, node: 'controlplane', image: 'coredns/coredns' });
  c.addPod('default', 'web', { labels: { app: 'web' }, node: 'node01' });
  c.addPod('default', 'db', { labels: { app: 'db' }, node: 'node01', image: 'redis:7', ports: [{ name: 'redis', containerPort: 6379 }] });
  c.addPod('default', 'client', { labels: { run: 'client' }, node: clientNode, image: 'busybox' });
  c.addPod('default', 'monitor', { labels: { role: 'monitoring' }, node: 'node02', image: 'busybox' });
  c.addPod('prod', 'api', { labels: { app: 'api' }, node: 'node02', image: 'hashicorp/http-echo', ports: [{ name: 'http', containerPort: 5678 }] });
  c.addPod('prod', 'client', { labels: { run: 'client' }, node: 'node01', image: 'busybox' });
  c.addPod('dev', 'client', { labels: { run: 'client' }, node: 'node01', image: 'busybox' });
  c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] } });
  policies.forEach((p, i) => c.apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: p.name ?? `np${i}`, namespace: p.namespace ?? 'default' }, spec: p.spec }));
  return c;
}

type Target = { pod: string; port: number; protocol?: 'TCP' | 'UDP' } | { host: string; port: number };
interface Flow {
  from: TrafficSource;
  to: Target;
  expect: 'allowed' | 'denied' | 'refused';
  deniedBy?: string[];
  allowedBy?: string[];
}

function run(c: NetCluster, f: Flow) {
  const host = 'host' in f.to ? f.to.host : c.store.peek('pods', f.to.pod.split('/')[0], f.to.pod.split('/')[1])!.status.podIP;
  const r = c.net.tcpConnect({ from: f.from, host, port: f.to.port, protocol: 'protocol' in f.to ? f.to.protocol : undefined, timeoutMs: 1000 });
  const outcome = r.ok ? 'allowed' : r.error === 'connection refused' ? 'refused' : 'denied';
  const names = (refs: PolicyRef[] | undefined) => (refs ?? []).map((p) => `${p.namespace}/${p.name}${p.rule !== undefined ? `#${p.rule}` : ''}`);
  return { outcome, deniedBy: names(r.trace.deniedBy), allowedBy: names(r.trace.allowedBy) };
}

const client = (ns = 'default'): TrafficSource => ({ namespace: ns, pod: 'client' });
const denyAllIngress = { name: 'default-deny-ingress', spec: { podSelector: {}, policyTypes: ['Ingress'] } };

const CASES: { name: string; policies: Json[]; flows: Flow[]; clientNode?: string }[] = [
  {
    name: 'no policy: everything is open',
    policies: [],
    flows: [
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'allowed' },
      { from: client('dev'), to: { pod: 'prod/api', port: 5678 }, expect: 'allowed' },
    ],
  },
  {
    name: 'docs: default deny all ingress',
    policies: [denyAllIngress],
    flows: [
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'denied', deniedBy: ['default/default-deny-ingress'] },
      { from: client('prod'), to: { pod: 'default/db', port: 6379 }, expect: 'denied' },
      { from: { namespace: 'default', pod: 'web' }, to: { pod: 'prod/api', port: 5678 }, expect: 'allowed' }, // egress untouched
    ],
  },
  {
    name: 'docs: allow all ingress (additive with deny-all)',
    policies: [denyAllIngress, { name: 'allow-all-ingress', spec: { podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] } }],
    flows: [{ from: client('dev'), to: { pod: 'default/web', port: 80 }, expect: 'allowed', allowedBy: ['default/allow-all-ingress#0'] }],
  },
  {
    name: 'recipe 01: deny all traffic to an application',
    policies: [{ name: 'web-deny-all', spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [] } }],
    flows: [
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'denied', deniedBy: ['default/web-deny-all'] },
      { from: client(), to: { pod: 'default/db', port: 6379 }, expect: 'allowed' },
    ],
  },
  {
    name: 'recipe 02: limit traffic to an application',
    policies: [{ name: 'web-allow-client', spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { run: 'client' } } }] }] } }],
    flows: [
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'allowed', allowedBy: ['default/web-allow-client#0'] },
      { from: { namespace: 'default', pod: 'monitor' }, to: { pod: 'default/web', port: 80 }, expect: 'denied' },
      { from: client('prod'), to: { pod: 'default/web', port: 80 }, expect: 'denied' }, // podSelector alone = same namespace
    ],
  },
  {
    name: 'recipe 04: deny traffic from other namespaces',
    policies: [{ name: 'deny-from-other-namespaces', spec: { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] } }],
    flows: [
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'allowed' },
      { from: client('prod'), to: { pod: 'default/web', port: 80 }, expect: 'denied' },
    ],
  },
  {
    name: 'recipe 05: allow traffic from all namespaces',
    policies: [{ name: 'web-allow-all-namespaces', spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ namespaceSelector: {} }] }] } }],
    flows: [
      { from: client('dev'), to: { pod: 'default/web', port: 80 }, expect: 'allowed' },
      { from: { node: 'node02' }, to: { pod: 'default/web', port: 80 }, expect: 'denied' }, // a node is not a pod
    ],
  },
  {
    name: 'recipe 06: allow traffic from a namespace (namespaceSelector)',
    policies: [{ name: 'web-allow-prod', spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'prod' } } }] }] } }],
    flows: [
      { from: client('prod'), to: { pod: 'default/web', port: 80 }, expect: 'allowed' },
      { from: client('dev'), to: { pod: 'default/web', port: 80 }, expect: 'denied' },
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'denied' },
    ],
  },
  {
    name: 'namespace by its kubernetes.io/metadata.name label',
    policies: [{ spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dev' } } }] }] } }],
    flows: [
      { from: client('dev'), to: { pod: 'default/web', port: 80 }, expect: 'allowed' },
      { from: client('prod'), to: { pod: 'default/web', port: 80 }, expect: 'denied' },
    ],
  },
  {
    name: 'recipe 07 / docs: namespaceSelector AND podSelector in one peer',
    policies: [{ spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchLabels: { run: 'client' } } }] }] } }],
    flows: [
      { from: client('prod'), to: { pod: 'default/web', port: 80 }, expect: 'allowed' },
      { from: { namespace: 'prod', pod: 'api' }, to: { pod: 'default/web', port: 80 }, expect: 'denied' },
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'denied' },
    ],
  },
  {
    name: 'docs: namespaceSelector OR podSelector as two peers',
    policies: [{ spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'a' } } }, { podSelector: { matchLabels: { run: 'client' } } }] }] } }],
    flows: [
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'allowed' },
      { from: { namespace: 'prod', pod: 'api' }, to: { pod: 'default/web', port: 80 }, expect: 'allowed' },
      { from: client('dev'), to: { pod: 'default/web', port: 80 }, expect: 'denied' },
    ],
  },
  {
    name: 'recipe 08 / docs: ipBlock with except (NodePort traffic is SNATed to the entry node)',
    policies: [{ spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ ipBlock: { cidr: '192.168.49.0/24', except: ['192.168.49.3/32'] } }] }] } }],
    flows: [
      { from: 'outside', to: { host: '192.168.49.2', port: 30080 }, expect: 'allowed' },
      { from: 'outside', to: { host: '192.168.49.3', port: 30080 }, expect: 'denied' },
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'denied' },
    ],
  },
  {
    name: 'recipe 09: allow traffic only to a port',
    policies: [{ spec: { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ ports: [{ port: 6379 }] }] } }],
    flows: [
      { from: client('dev'), to: { pod: 'default/db', port: 6379 }, expect: 'allowed' },
      { from: client(), to: { pod: 'default/db', port: 6380 }, expect: 'denied' }, // without the policy: refused
    ],
  },
  {
    name: 'named ports are resolved on the destination pod',
    policies: [{ namespace: 'prod', spec: { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ ports: [{ port: 'http' }] }] } }],
    flows: [
      { from: client(), to: { pod: 'prod/api', port: 5678 }, expect: 'allowed' },
      { from: client(), to: { pod: 'prod/api', port: 5679 }, expect: 'denied' },
    ],
  },
  {
    name: 'docs: port ranges with endPort',
    policies: [{ spec: { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ ports: [{ protocol: 'TCP', port: 6000, endPort: 6500 }] }] } }],
    flows: [
      { from: client(), to: { pod: 'default/db', port: 6379 }, expect: 'allowed' },
      { from: client(), to: { pod: 'default/db', port: 80 }, expect: 'denied' },
    ],
  },
  {
    name: 'protocols are matched (UDP 53 rule does not admit TCP 53)',
    policies: [{ spec: { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ ports: [{ protocol: 'UDP', port: 6379 }] }] } }],
    flows: [{ from: client(), to: { pod: 'default/db', port: 6379 }, expect: 'denied' }],
  },
  {
    name: 'recipe 11: deny all egress from a pod (replies to it still flow)',
    policies: [{ name: 'client-deny-egress', spec: { podSelector: { matchLabels: { run: 'client' } }, policyTypes: ['Egress'] } }],
    flows: [
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'denied', deniedBy: ['default/client-deny-egress'] },
      { from: { namespace: 'default', pod: 'web' }, to: { pod: 'default/client', port: 80 }, expect: 'refused' }, // ingress to client is open
      { from: client('prod'), to: { pod: 'default/web', port: 80 }, expect: 'allowed' },
    ],
  },
  {
    name: 'recipe 12: egress only within the namespace',
    policies: [{ spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: {} }] }] } }],
    flows: [
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'allowed' },
      { from: client(), to: { pod: 'prod/api', port: 5678 }, expect: 'denied' },
    ],
  },
  {
    name: 'recipe 14: deny external egress (pods anywhere only)',
    policies: [{ spec: { podSelector: { matchLabels: { run: 'client' } }, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {} }] }] } }],
    flows: [
      { from: client(), to: { pod: 'prod/api', port: 5678 }, expect: 'allowed' },
      { from: client(), to: { host: '192.168.49.3', port: 22 }, expect: 'denied' },
    ],
  },
  {
    name: 'egress ipBlock admits a node address',
    policies: [{ spec: { podSelector: { matchLabels: { run: 'client' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '192.168.49.0/24' } }] }] } }],
    flows: [
      { from: client(), to: { host: '192.168.49.3', port: 22 }, expect: 'allowed' },
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'denied' },
    ],
  },
  {
    name: 'policyTypes defaulting: egress rules imply Egress isolation',
    policies: [{ spec: { podSelector: { matchLabels: { run: 'client' } }, egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] } }],
    flows: [
      { from: client(), to: { pod: 'default/db', port: 6379 }, expect: 'allowed' },
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'denied' },
      { from: { namespace: 'default', pod: 'monitor' }, to: { pod: 'default/client', port: 80 }, expect: 'denied' }, // and Ingress isolation (no ingress rules)
    ],
  },
  {
    name: 'pod → NodePort is masqueraded: the backend sees the node, not the pod; egress still applies',
    policies: [
      { name: 'web-from-client', spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { run: 'client' } } }] }] } },
      { name: 'monitor-no-egress', spec: { podSelector: { matchLabels: { role: 'monitoring' } }, policyTypes: ['Egress'] } },
    ],
    flows: [
      { from: client(), to: { pod: 'default/web', port: 80 }, expect: 'allowed' },
      { from: client(), to: { host: '192.168.49.3', port: 30080 }, expect: 'denied' },
      { from: { namespace: 'default', pod: 'monitor' }, to: { host: '192.168.49.3', port: 30080 }, expect: 'denied', deniedBy: ['default/monitor-no-egress'] },
    ],
  },
  {
    name: 'pods on the same node are filtered too',
    clientNode: 'node01',
    policies: [denyAllIngress],
    flows: [{ from: client(), to: { pod: 'default/web', port: 80 }, expect: 'denied' }],
  },
  {
    name: 'a pod can always reach itself',
    policies: [denyAllIngress, { spec: { podSelector: {}, policyTypes: ['Egress'] } }],
    flows: [{ from: { namespace: 'default', pod: 'web' }, to: { pod: 'default/web', port: 80 }, expect: 'allowed' }],
  },
  {
    name: 'egress and ingress must both allow (client egress ok, web ingress closed)',
    policies: [{ spec: { podSelector: { matchLabels: { run: 'client' } }, policyTypes: ['Egress'], egress: [{}] } }, denyAllIngress],
    flows: [{ from: client(), to: { pod: 'default/web', port: 80 }, expect: 'denied', deniedBy: ['default/default-deny-ingress'] }],
  },
];

describe('NetworkPolicy flows', () => {
  for (const tc of CASES) {
    it(tc.name, () => {
      const c = world(tc.policies, tc.clientNode);
      tc.flows.forEach((f, i) => {
        const got = run(c, f);
        expect(`${i}:${got.outcome}`).toBe(`${i}:${f.expect}`);
        if (f.deniedBy) expect(got.deniedBy).toEqual(f.deniedBy);
        if (f.allowedBy) expect(got.allowedBy).toEqual(expect.arrayContaining(f.allowedBy));
      });
    });
  }
});

describe('policiesSelecting (for the lab UI)', () => {
  it('lists the isolating policies per direction', () => {
    const c = world([denyAllIngress, { name: 'client-egress', spec: { podSelector: { matchLabels: { run: 'client' } }, policyTypes: ['Egress'] } }]);
    expect(c.net.policiesSelecting('default', 'client')).toEqual({
      ingress: [{ namespace: 'default', name: 'default-deny-ingress', direction: 'Ingress' }],
      egress: [{ namespace: 'default', name: 'client-egress', direction: 'Egress' }],
    });
    expect(c.net.policiesSelecting('prod', 'api')).toEqual({ ingress: [], egress: [] });
  });
});

describe('DNS under egress policies', () => {
  const dnsPort = (protocol: string) => ({ protocol, port: 53 });
  it('recipe 11a: deny egress except DNS → names resolve, web is unreachable', () => {
    const c = world([{ spec: { podSelector: { matchLabels: { run: 'client' } }, policyTypes: ['Egress'], egress: [{ ports: [dnsPort('UDP'), dnsPort('TCP')] }] } }]);
    expect(c.net.dnsLookup({ from: client(), name: 'web' }).ok).toBe(true);
    const r = c.net.request({ from: client(), url: 'http://web', timeoutMs: 2000 });
    expect(r.ok ? 'ok' : r.error).toBe('timeout');
  });

  it('egress without DNS → lookups time out, wget says bad address', () => {
    const c = world([{ spec: { podSelector: { matchLabels: { run: 'client' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }] }] } }]);
    const r = c.net.request({ from: client(), url: 'http://web' });
    expect(r.ok ? 'ok' : [r.error, r.dnsFailed]).toEqual(['no such host', true]);
    expect(r.trace.deniedBy?.map((p) => p.name)).toEqual(['np0']);
    const byIP = c.net.request({ from: client(), url: `http://${c.store.peek('services', 'default', 'web')!.spec.clusterIP}` });
    expect(byIP.ok).toBe(true);
  });

  it('DNS over TCP only is not enough (lookups use UDP)', () => {
    const c = world([{ spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [dnsPort('TCP')] }] } }]);
    expect(c.net.dnsLookup({ from: client(), name: 'web' }).timedOut).toBe(true);
  });

  it('DNS allowed to kube-dns pods in kube-system by selectors', () => {
    const c = world([
      {
        spec: {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [dnsPort('UDP')] }],
        },
      },
    ]);
    expect(c.net.dnsLookup({ from: client(), name: 'web' }).ok).toBe(true);
  });
});

describe('NetworkPolicy validation and defaults', () => {
  it('defaults policyTypes and port protocol', () => {
    const c = new NetCluster();
    const np = c.apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'default' }, spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } });
    expect(np.spec).toEqual({ podSelector: {}, egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }], policyTypes: ['Ingress', 'Egress'] });
  });

  it('rejects bad peers, ports and CIDRs with the API server messages', () => {
    const c = new NetCluster();
    const create = (spec: Json) => {
      try {
        c.store.create({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'default' }, spec });
        return 'ok';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(create({ podSelector: {}, ingress: [{ from: [{}] }] })).toBe('NetworkPolicy.networking.k8s.io "p" is invalid: spec.ingress[0].from[0]: Required value: must specify a peer');
    expect(create({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }] })).toBe(
      'NetworkPolicy.networking.k8s.io "p" is invalid: spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer',
    );
    expect(create({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['192.168.0.0/16'] } }] }] })).toBe(
      'NetworkPolicy.networking.k8s.io "p" is invalid: spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "192.168.0.0/16": must be a strict subset of `cidr`',
    );
    expect(create({ podSelector: {}, egress: [{ ports: [{ protocol: 'ICMP', port: 1 }] }] })).toBe(
      'NetworkPolicy.networking.k8s.io "p" is invalid: spec.egress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
    );
    expect(create({ podSelector: {}, egress: [{ ports: [{ port: 100, endPort: 50 }] }] })).toBe(
      'NetworkPolicy.networking.k8s.io "p" is invalid: spec.egress[0].ports[0].endPort: Invalid value: 50: must be greater than or equal to `port`',
    );
  });
});
