import { describe, expect, it } from 'vitest';
import { NetCluster, NGINX_WELCOME } from '../testing/net-cluster';
import { formatCurlError, formatNslookupBusybox, formatNslookupBusyboxLegacy, formatPing, formatWgetError } from '../format';
import type { Failure, HttpResult } from '../service';

function cluster(): NetCluster {
  const c = new NetCluster();
  c.addPod('kube-system', 'coredns-1', { labels: { 'k8s-app': 'kube-dns' }, node: 'controlplane', image: 'registry.k8s.io/coredns/coredns:v1.11.3' });
  c.addPod('default', 'client', { labels: { run: 'client' }, node: 'node02', image: 'busybox:1.36' });
  c.addPod('default', 'web-1', { labels: { app: 'web' }, node: 'node01' });
  c.addPod('default', 'web-2', { labels: { app: 'web' }, node: 'node02' });
  c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  return c;
}

const fromClient = { namespace: 'default', pod: 'client' };

function fail(r: HttpResult): Failure {
  if (r.ok) throw new Error(`expected a failure, got ${r.status}`);
  return r;
}

describe('DNS (CoreDNS kubernetes plugin + pod resolvers)', () => {
  it('resolves short names via the search path, FQDNs, pod A records', () => {
    const c = cluster();
    const ip = c.store.peek('services', 'default', 'web')!.spec.clusterIP;
    expect(c.net.dnsLookup({ from: fromClient, name: 'web' })).toMatchObject({ ok: true, fqdn: 'web.default.svc.cluster.local', addresses: [ip], server: '10.96.0.10' });
    expect(c.net.dnsLookup({ from: fromClient, name: 'web.default' }).addresses).toEqual([ip]);
    expect(c.net.dnsLookup({ from: fromClient, name: 'kubernetes.default.svc.cluster.local' }).addresses).toEqual(['10.96.0.1']);
    expect(c.net.dnsLookup({ from: fromClient, name: '10-244-1-5.default.pod.cluster.local' }).addresses).toEqual(['10.244.1.5']);
  });

  it('headless Services answer with ready pod IPs; StatefulSet pods by hostname.subdomain', () => {
    const c = cluster();
    c.addPod('default', 'db-0', { labels: { app: 'db' }, node: 'node01', spec: { hostname: 'db-0', subdomain: 'db' } });
    c.addPod('default', 'db-1', { labels: { app: 'db' }, node: 'node02', spec: { hostname: 'db-1', subdomain: 'db' } });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] } });
    const ips = ['db-0', 'db-1'].map((n) => c.store.peek('pods', 'default', n)!.status.podIP);
    expect(c.net.dnsLookup({ from: fromClient, name: 'db' }).addresses).toEqual(ips);
    expect(c.net.dnsLookup({ from: fromClient, name: 'db-1.db' }).addresses).toEqual([ips[1]]);
    expect(c.net.dnsLookup({ from: fromClient, name: 'db-0.db.default.svc.cluster.local' }).addresses).toEqual([ips[0]]);
  });

  it('ExternalName is a CNAME', () => {
    const c = cluster();
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'web.default.svc.cluster.local' } });
    const r = c.net.dnsLookup({ from: fromClient, name: 'ext' });
    expect(r.records[0]).toEqual({ name: 'ext.default.svc.cluster.local', type: 'CNAME', value: 'web.default.svc.cluster.local' });
    expect(r.addresses).toEqual([c.store.peek('services', 'default', 'web')!.spec.clusterIP]);
  });

  it('prints busybox nslookup output, NXDOMAIN included', () => {
    const c = cluster();
    const ip = c.store.peek('services', 'default', 'web')!.spec.clusterIP;
    const ok = formatNslookupBusybox(c.net.dnsLookup({ from: fromClient, name: 'web', client: 'busybox' }));
    expect(ok.stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        `Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n` +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find web.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find web.cluster.local: NXDOMAIN\n\n",
    );
    expect(ok.exitCode).toBe(1);
    const nx = formatNslookupBusybox(c.net.dnsLookup({ from: fromClient, name: 'nosuch.default.svc.cluster.local', client: 'busybox' }));
    expect(nx.stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        "** server can't find nosuch.default.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find nosuch.default.svc.cluster.local: NXDOMAIN\n\n",
    );
    // busybox >= 1.30 applies no search list to a dotted name
    expect(c.net.dnsLookup({ from: fromClient, name: 'web.default', client: 'busybox' }).ok).toBe(false);
    const legacy = formatNslookupBusyboxLegacy(c.net.dnsLookup({ from: fromClient, name: 'web.default' }));
    expect(legacy.stdout).toBe(`Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web.default\nAddress 1: ${ip} web.default.svc.cluster.local\n`);
  });

  it('reverse and SRV lookups', () => {
    const c = cluster();
    expect(formatNslookupBusybox(c.net.dnsLookup({ from: fromClient, name: '10.96.0.1', client: 'busybox' })).stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n1.0.96.10.in-addr.arpa\tname = kubernetes.default.svc.cluster.local\n\n',
    );
    const srv = c.net.dnsLookup({ from: fromClient, name: '_https._tcp.kubernetes.default.svc.cluster.local', type: 'SRV' });
    expect(srv.records).toEqual([{ name: '_https._tcp.kubernetes.default.svc.cluster.local', type: 'SRV', value: '0 100 443 kubernetes.default.svc.cluster.local' }]);
  });

  it('writes resolv.conf and /etc/hosts as the kubelet does', () => {
    const c = cluster();
    const pod = c.store.peek('pods', 'default', 'client')!;
    expect(c.net.resolvConf(pod)).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(c.net.hostsFile(pod).split('\n').slice(-2)).toEqual([`${pod.status.podIP}\tclient`, '']);
  });
});

describe('kube-proxy and delivery', () => {
  it('ClusterIP → a ready endpoint; nginx answers with its welcome page', () => {
    const c = cluster();
    const r = c.net.request({ from: fromClient, url: 'http://web' });
    expect(r.ok && r.status).toBe(200);
    expect(r.ok && r.body).toBe(NGINX_WELCOME);
    expect(r.trace.path.map((h) => h.kind)).toEqual(['dns', 'service', 'pod']);
  });

  it('no endpoints → connection refused (REJECT); unknown port → timeout; ClusterIP from outside → timeout', () => {
    const c = cluster();
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'empty', namespace: 'default' }, spec: { selector: { app: 'none' }, ports: [{ port: 80 }] } });
    const ip = c.store.peek('services', 'default', 'empty')!.spec.clusterIP;
    const refused = fail(c.net.request({ from: fromClient, url: 'http://empty' }));
    expect(refused).toMatchObject({ error: 'connection refused', ip, port: 80, elapsedMs: 0 });
    expect(formatWgetError(refused, 'empty')).toBe(`wget: can't connect to remote host (${ip}): Connection refused`);
    expect(formatCurlError(refused)).toBe("curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server");
    const dropped = fail(c.net.request({ from: fromClient, url: 'http://web:8080', timeoutMs: 5000 }));
    expect(dropped).toMatchObject({ error: 'timeout', elapsedMs: 5000 });
    expect(formatWgetError(dropped, 'web:8080', true)).toBe('wget: download timed out');
    expect(formatCurlError(dropped, { maxTimeMs: 5000 })).toBe('curl: (28) Connection timed out after 5001 milliseconds');
    expect(formatCurlError(dropped, { connectTimeoutMs: 5000 })).toBe('curl: (28) Failed to connect to web port 8080 after 5002 ms: Timeout was reached');
    const web = c.store.peek('services', 'default', 'web')!.spec.clusterIP;
    expect(fail(c.net.request({ from: 'outside', url: `http://${web}` })).error).toBe('timeout');
  });

  it('unknown names fail like the tools do', () => {
    const c = cluster();
    const f = fail(c.net.request({ from: fromClient, url: 'http://nosuch/' }));
    expect(f).toMatchObject({ error: 'no such host', host: 'nosuch' });
    expect(formatWgetError(f, 'nosuch')).toBe("wget: bad address 'nosuch'");
    expect(formatCurlError(f)).toBe('curl: (6) Could not resolve host: nosuch');
  });

  it('a pod IP with nothing listening refuses', () => {
    const c = cluster();
    const ip = c.store.peek('pods', 'default', 'web-1')!.status.podIP;
    expect(fail(c.net.request({ from: fromClient, url: `http://${ip}:81/` })).error).toBe('connection refused');
    expect(c.net.tcpConnect({ from: fromClient, host: ip, port: 80 }).ok).toBe(true);
  });

  it('NodePort answers on every node IP from outside; LoadBalancer IP from the pool', () => {
    const c = cluster();
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'np', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] } });
    for (const ip of ['192.168.49.2', '192.168.49.3', '192.168.49.4']) {
      const r = c.net.request({ from: 'outside', url: `http://${ip}:30080/` });
      expect(r.ok && r.status).toBe(200);
    }
    const local = c.net.request({ from: { node: 'controlplane' }, url: 'http://localhost:30080/' });
    expect(local.ok && local.status).toBe(200);
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb', namespace: 'default' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 8080, targetPort: 80 }] } });
    const lb = c.store.peek('services', 'default', 'lb')!;
    expect(lb.status).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.49.200', ipMode: 'VIP' }] } });
    const r = c.net.request({ from: 'outside', url: 'http://192.168.49.200:8080/' });
    expect(r.ok && r.status).toBe(200);
    const events = c.store.peekList('events', 'default').filter((e) => e.involvedObject.name === 'lb').map((e) => [e.reason, e.message, e.source.component]);
    expect(events).toEqual([
      ['IPAllocated', 'Assigned IP ["192.168.49.200"]', 'metallb-controller'],
      ['nodeAssigned', 'announcing from node "node01" with protocol "layer2"', 'metallb-speaker'],
    ]);
  });

  it('hostPort publishes a container port on its node IP', () => {
    const c = cluster();
    c.addPod('default', 'hp', { node: 'node02', image: 'hashicorp/http-echo', ports: [{ containerPort: 5678, hostPort: 8088 }] });
    const r = c.net.request({ from: 'outside', url: 'http://192.168.49.4:8088/x' });
    expect(r.ok && r.body).toBe('hp GET /x host=192.168.49.4:8088 from=192.168.49.1');
    expect(fail(c.net.request({ from: 'outside', url: 'http://192.168.49.3:8088/' })).error).toBe('connection refused');
  });

  it('externalTrafficPolicy Local drops on nodes without a local endpoint', () => {
    const c = cluster();
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'np', namespace: 'default' }, spec: { type: 'NodePort', externalTrafficPolicy: 'Local', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30081 }] } });
    expect(fail(c.net.request({ from: 'outside', url: 'http://192.168.49.2:30081/', timeoutMs: 3000 })).error).toBe('timeout');
    const r = c.net.request({ from: 'outside', url: 'http://192.168.49.3:30081/' });
    expect(r.ok && r.body).toBe(NGINX_WELCOME);
  });

  it('sessionAffinity ClientIP sticks to one endpoint; None spreads', () => {
    const c = cluster();
    c.addPod('default', 'echo-1', { labels: { app: 'echo' }, image: 'hashicorp/http-echo' });
    c.addPod('default', 'echo-2', { labels: { app: 'echo' }, image: 'hashicorp/http-echo', node: 'node02' });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'echo', namespace: 'default' }, spec: { selector: { app: 'echo' }, ports: [{ port: 80, targetPort: 5678 }] } });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'sticky', namespace: 'default' }, spec: { sessionAffinity: 'ClientIP', selector: { app: 'echo' }, ports: [{ port: 80, targetPort: 5678 }] } });
    const who = (url: string) => Array.from({ length: 12 }, () => {
      const r = c.net.request({ from: fromClient, url });
      return r.ok ? r.body.split(' ')[0] : 'fail';
    });
    expect(new Set(who('http://echo')).size).toBe(2);
    expect(new Set(who('http://sticky')).size).toBe(1);
  });

  it('ping: pod IPs answer, ClusterIPs never do', () => {
    const c = cluster();
    const podIP = c.store.peek('pods', 'default', 'web-1')!.status.podIP;
    const ok = formatPing(c.net.ping({ from: fromClient, host: podIP, count: 2 }));
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`^PING ${podIP} \\(${podIP}\\): 56 data bytes\\n64 bytes from ${podIP}: seq=0 ttl=62 time=0\\.\\d{3} ms\\n`));
    const svcIP = c.store.peek('services', 'default', 'web')!.spec.clusterIP;
    expect(formatPing(c.net.ping({ from: fromClient, host: 'web', count: 3 }))).toEqual({
      stdout: `PING web (${svcIP}): 56 data bytes\n\n--- web ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\n`,
      stderr: '',
      exitCode: 1,
    });
  });

  it('the kubernetes Service reaches the API server (anonymous is forbidden)', () => {
    const c = cluster();
    const r = c.net.request({ from: fromClient, url: 'https://kubernetes.default.svc/api/v1/namespaces/default/pods' });
    expect(r.ok && r.status).toBe(403);
    expect(r.ok && JSON.parse(r.body).message).toBe('pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
    const v = c.net.request({ from: fromClient, url: 'https://10.96.0.1/version' });
    expect(v.ok && JSON.parse(v.body).gitVersion).toBe('v1.32.4');
  });

  it('DNS needs a CoreDNS endpoint', () => {
    const c = cluster();
    c.store.delete(c.registry.forResource('pods', '')!, 'kube-system', 'coredns-1', { gracePeriodSeconds: 0 });
    c.settle();
    const f = fail(c.net.request({ from: fromClient, url: 'http://web' }));
    expect(f).toMatchObject({ error: 'no such host', dnsFailed: true, elapsedMs: 10000 });
    expect(formatNslookupBusybox(c.net.dnsLookup({ from: fromClient, name: 'web', client: 'busybox' })).stdout).toBe(';; connection timed out; no servers could be reached\n\n');
  });
});
