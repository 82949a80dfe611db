import { describe, expect, it } from 'vitest';
import { NetCluster } from '../testing/net-cluster';
import type { KubeObject } from '../../api/types';

function svc(name: string, spec: Record<string, unknown>, ns = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec };
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('Service defaults and allocation (SetDefaults_Service + service REST)', () => {
  it('fills the v1.32 defaults and allocates a ClusterIP from the upper band of 10.96.0.0/12', () => {
    const c = new NetCluster();
    const out = c.store.create(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] })).object;
    expect(out.spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      clusterIP: out.spec.clusterIP,
      clusterIPs: [out.spec.clusterIP],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
    expect(out.status).toEqual({ loadBalancer: {} });
    const [a, b, c3] = out.spec.clusterIP.split('.').map(Number);
    expect(a).toBe(10);
    expect(b >= 96 && b <= 111).toBe(true);
    expect(b > 96 || c3 >= 1).toBe(true); // dynamic range starts after the 256 static addresses
  });

  it('is deterministic for a seed', () => {
    const ip = (seed: number) => new NetCluster(seed).store.create(svc('web', { ports: [{ port: 80 }] })).object.spec.clusterIP;
    expect(ip(3)).toBe(ip(3));
  });

  it('the kubernetes and kube-dns Services hold 10.96.0.1 and 10.96.0.10', () => {
    const c = new NetCluster();
    expect(c.store.peek('services', 'default', 'kubernetes')!.spec).toMatchObject({ clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] });
    expect(c.store.peek('services', 'kube-system', 'kube-dns')!.spec).toMatchObject({
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
    });
    expect(c.store.peek('endpoints', 'default', 'kubernetes')!.subsets).toEqual([{ addresses: [{ ip: '192.168.49.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
  });

  it('rejects an allocated ClusterIP with the allocator message', () => {
    const c = new NetCluster();
    expect(errorOf(() => c.store.create(svc('x', { clusterIP: '10.96.0.1', ports: [{ port: 80 }] })))).toBe(
      'Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated',
    );
    expect(errorOf(() => c.store.create(svc('y', { clusterIP: '10.0.0.5', ports: [{ port: 80 }] })))).toBe(
      'Service "y" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('allocates NodePorts, rejects conflicts and out-of-range ports', () => {
    const c = new NetCluster();
    const a = c.store.create(svc('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })).object;
    expect(a.spec).toMatchObject({ externalTrafficPolicy: 'Cluster', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP', targetPort: 80 }] });
    expect(errorOf(() => c.store.create(svc('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })))).toBe(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    expect(errorOf(() => c.store.create(svc('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] })))).toBe(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    const auto = c.store.create(svc('c', { type: 'NodePort', ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }] })).object;
    for (const p of auto.spec.ports) expect(p.nodePort >= 30000 && p.nodePort <= 32767).toBe(true);
  });

  it('validation: DNS-1035 names, ports, nodePort on ClusterIP, duplicate ports', () => {
    const c = new NetCluster();
    expect(errorOf(() => c.store.create(svc('1web', { ports: [{ port: 80 }] })))).toBe(
      `Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    );
    expect(errorOf(() => c.store.create(svc('web', {})))).toBe('Service "web" is invalid: spec.ports: Required value');
    expect(errorOf(() => c.store.create(svc('web', { ports: [{ port: 80 }, { port: 81 }] })))).toBe(
      'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    );
    expect(errorOf(() => c.store.create(svc('web', { ports: [{ port: 80, nodePort: 30001 }] })))).toBe(
      "Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
    expect(errorOf(() => c.store.create(svc('web', { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] })))).toBe(
      'Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    );
    expect(errorOf(() => c.store.create(svc('web', { ports: [{ port: 70000 }] })))).toBe(
      // targetPort was defaulted from port, so it fails too (as on a real API server)
      'Service "web" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]',
    );
  });

  it('clusterIP and clusterIPs must agree', () => {
    const c = new NetCluster();
    expect(errorOf(() => c.store.create(svc('m', { clusterIP: '10.96.1.1', clusterIPs: ['10.96.1.2'], ports: [{ port: 80 }] })))).toBe(
      'Service "m" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.1.2"}: first value must match `clusterIP`',
    );
  });

  it('headless: keeps None; selectorless headless defaults to RequireDualStack', () => {
    const c = new NetCluster();
    const h = c.store.create(svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] })).object;
    expect(h.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    const sl = c.store.create(svc('ext', { clusterIP: 'None', ports: [{ port: 80 }] })).object;
    expect(sl.spec).toMatchObject({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] });
  });

  it('a single-stack cluster refuses dual-stack requirements; PreferDualStack gets IPv4 only', () => {
    const c = new NetCluster();
    expect(errorOf(() => c.store.create(svc('d', { ipFamilyPolicy: 'RequireDualStack', ports: [{ port: 80 }] })))).toBe(
      'Service "d" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    );
    expect(c.store.create(svc('p', { ipFamilyPolicy: 'PreferDualStack', ports: [{ port: 80 }] })).object.spec).toMatchObject({ ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4'] });
  });

  it('ExternalName: no cluster IP, no families, no traffic policy', () => {
    const c = new NetCluster();
    const e = c.store.create(svc('ext', { type: 'ExternalName', externalName: 'example.com' })).object;
    expect(e.spec).toEqual({ type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
  });

  it('LoadBalancer defaults', () => {
    const c = new NetCluster();
    const lb = c.store.create(svc('lb', { type: 'LoadBalancer', ports: [{ port: 80 }] })).object;
    expect(lb.spec).toMatchObject({ allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' });
    expect(typeof lb.spec.ports[0].nodePort).toBe('number');
  });

  it('updates keep allocations; the ClusterIP is immutable; NodePort → ClusterIP drops node ports', () => {
    const c = new NetCluster();
    const s = c.store.create(svc('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 30100 }] })).object;
    const replaced = { ...s, spec: { type: 'NodePort', ports: [{ port: 80 }] } };
    const r = c.store.update(replaced).object;
    expect(r.spec.clusterIP).toBe(s.spec.clusterIP);
    expect(r.spec.ports[0].nodePort).toBe(30100);
    expect(errorOf(() => c.store.update({ ...r, spec: { ...r.spec, clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'] } }))).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.5.5"}: may not change once set',
    );
    const back = c.store.update({ ...r, spec: { ...r.spec, type: 'ClusterIP' } }).object;
    expect(back.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(back.spec.externalTrafficPolicy).toBeUndefined();
    // the freed node port can be taken again
    expect(c.store.create(svc('again', { type: 'NodePort', ports: [{ port: 80, nodePort: 30100 }] })).object.spec.ports[0].nodePort).toBe(30100);
  });

  it('dry-run allocation never consumes an address', () => {
    const c = new NetCluster();
    const d = c.store.create(svc('web', { clusterIP: '10.96.7.7', ports: [{ port: 80 }] }), { dryRun: true }).object;
    expect(d.spec.clusterIP).toBe('10.96.7.7');
    expect(c.store.create(svc('web', { clusterIP: '10.96.7.7', ports: [{ port: 80 }] })).object.spec.clusterIP).toBe('10.96.7.7');
  });
});
