import { describe, expect, it } from 'vitest';
import { NetCluster } from '../testing/net-cluster';
import type { Json } from '../../api/types';
import type { HttpResult } from '../service';

const NOT_FOUND = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function cluster(): NetCluster {
  const c = new NetCluster(7, { addons: ['ingress-nginx'] });
  const labels = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };
  c.addPod('ingress-nginx', 'ingress-nginx-controller-6b7d9f-x2x4k', {
    labels,
    node: 'node01',
    image: 'registry.k8s.io/ingress-nginx/controller:v1.12.0',
    ports: [
      { name: 'http', containerPort: 80 },
      { name: 'https', containerPort: 443 },
    ],
  });
  c.addPod('kube-system', 'coredns', { labels: { 'k8s-app': 'kube-dns' }, node: 'controlplane', image: 'coredns/coredns' });
  for (const app of ['app', 'api', 'shop']) {
    c.addPod('default', `${app}-1`, { labels: { app }, node: 'node02', image: 'hashicorp/http-echo', ports: [{ containerPort: 5678 }] });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: app, namespace: 'default' }, spec: { selector: { app }, ports: [{ port: 80, targetPort: 5678 }] } });
  }
  c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'empty', namespace: 'default' }, spec: { selector: { app: 'none' }, ports: [{ port: 80 }] } });
  return c;
}

function ingress(c: NetCluster, name: string, spec: Json, annotations?: Record<string, string>) {
  return c.apply({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) }, spec });
}

const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
const get = (c: NetCluster, host: string, path: string, url = 'http://192.168.49.4:32080'): HttpResult => c.net.request({ from: 'outside', url: `${url}${path}`, headers: { Host: host }, timeoutMs: 5000 });
const body = (r: HttpResult) => (r.ok ? `${r.status} ${r.body}` : r.error);

describe('ingress-nginx', () => {
  it('installs the bare-metal manifest objects; the nginx class is not the default', () => {
    const c = cluster();
    const ic = c.store.peek('ingressclasses.networking.k8s.io', '', 'nginx')!;
    expect(ic.spec).toEqual({ controller: 'k8s.io/ingress-nginx' });
    expect(ic.metadata.annotations).toBeUndefined();
    const svc = c.store.peek('services', 'ingress-nginx', 'ingress-nginx-controller')!;
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.ports.map((p: Json) => `${p.name}:${p.port}:${p.nodePort}`)).toEqual(['http:80:32080', 'https:443:32443']);
    expect(c.store.peek('deployments.apps', 'ingress-nginx', 'ingress-nginx-controller')!.spec.template.spec.containers[0].image).toBe('registry.k8s.io/ingress-nginx/controller:v1.12.0');
  });

  it('can be enabled on a running cluster through the NetworkService (idempotent)', () => {
    const c = new NetCluster();
    expect(c.store.peek('namespaces', '', 'ingress-nginx')).toBeUndefined();
    c.net.enableAddon('ingress-nginx');
    c.net.enableAddon('ingress-nginx');
    c.settle();
    expect(c.store.peekList('services', 'ingress-nginx').map((s) => s.metadata.name)).toEqual(['ingress-nginx-controller']);
  });

  it('routes by host and path: Prefix per path element, Exact, longest first', () => {
    const c = cluster();
    ingress(c, 'web', {
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'foo.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: backend('shop') },
              { path: '/app', pathType: 'Prefix', backend: backend('app') },
              { path: '/api', pathType: 'Exact', backend: backend('api') },
            ],
          },
        },
      ],
    });
    expect(body(get(c, 'foo.example.com', '/app/x?q=1'))).toMatch(/^200 app-1 GET \/app\/x\?q=1 host=foo.example.com from=10\.244\.1\.\d+$/);
    expect(body(get(c, 'foo.example.com', '/app'))).toMatch(/^200 app-1 /);
    expect(body(get(c, 'foo.example.com', '/apps'))).toMatch(/^200 shop-1 /);
    expect(body(get(c, 'foo.example.com', '/api'))).toMatch(/^200 api-1 /);
    expect(body(get(c, 'foo.example.com', '/api/v1'))).toMatch(/^200 shop-1 /);
    expect(body(get(c, 'other.example.com', '/app'))).toBe(`404 ${NOT_FOUND}`);
  });

  it('an Ingress without a class is ignored unless nginx is made the default class', () => {
    const c = cluster();
    ingress(c, 'noclass', { rules: [{ host: 'a.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('app') }] } }] });
    expect(body(get(c, 'a.test', '/'))).toBe(`404 ${NOT_FOUND}`);
    const ic = c.store.peek('ingressclasses.networking.k8s.io', '', 'nginx')!;
    c.store.update({ ...ic, metadata: { ...ic.metadata, annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } });
    expect(body(get(c, 'a.test', '/'))).toMatch(/^200 app-1 /);
  });

  it('rewrite-target with capture groups; defaultBackend; 503 without endpoints', () => {
    const c = cluster();
    ingress(
      c,
      'rewrite',
      { ingressClassName: 'nginx', rules: [{ host: 'r.test', http: { paths: [{ path: '/something(/|$)(.*)', pathType: 'ImplementationSpecific', backend: backend('app') }] } }] },
      { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' },
    );
    expect(body(get(c, 'r.test', '/something/new/page'))).toMatch(/^200 app-1 GET \/new\/page /);
    expect(body(get(c, 'r.test', '/something'))).toMatch(/^200 app-1 GET \/ /);
    ingress(c, 'fallback', { ingressClassName: 'nginx', defaultBackend: backend('shop') });
    expect(body(get(c, 'unknown.test', '/anything'))).toMatch(/^200 shop-1 GET \/anything /);
    ingress(c, 'broken', { ingressClassName: 'nginx', rules: [{ host: 'b.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('empty') }] } }] });
    const r = get(c, 'b.test', '/');
    expect(r.ok && [r.status, r.statusText]).toEqual([503, 'Service Temporarily Unavailable']);
    expect(r.ok && r.body).toContain('<center><h1>503 Service Temporarily Unavailable</h1></center>');
  });

  it('publishes the controller node address in status and records Sync events', () => {
    const c = cluster();
    ingress(c, 'web', { ingressClassName: 'nginx', rules: [{ host: 'foo.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('app') }] } }] });
    const ing = c.store.peek('ingresses.networking.k8s.io', 'default', 'web')!;
    expect(ing.status).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.49.3' }] } });
    const ev = c.store.peekList('events', 'default').find((e) => e.involvedObject.name === 'web')!;
    expect([ev.type, ev.reason, ev.message, ev.source]).toEqual(['Normal', 'Sync', 'Scheduled for sync', { component: 'nginx-ingress-controller' }]);
  });

  it('TLS hosts redirect plain HTTP with 308', () => {
    const c = cluster();
    ingress(c, 'tls', { ingressClassName: 'nginx', tls: [{ hosts: ['s.test'], secretName: 's-tls' }], rules: [{ host: 's.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('app') }] } }] });
    const r = get(c, 's.test', '/x');
    expect(r.ok && [r.status, r.headers.location]).toEqual([308, 'https://s.test/x']);
    const https = get(c, 's.test', '/x', 'https://192.168.49.4:32443');
    expect(body(https)).toMatch(/^200 app-1 /);
    expect(https.trace.path.map((h) => h.detail)).toContain('TLS for s.test: Secret default/s-tls not found; serving the default "Kubernetes Ingress Controller Fake Certificate"');
  });

  it('is reachable from pods through its Service, and NetworkPolicy applies to the proxied hop', () => {
    const c = cluster();
    c.addPod('default', 'client', { labels: { run: 'client' }, image: 'busybox' });
    ingress(c, 'web', { ingressClassName: 'nginx', rules: [{ host: 'foo.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('app') }] } }] });
    const fromPod = () => c.net.request({ from: { namespace: 'default', pod: 'client' }, url: 'http://ingress-nginx-controller.ingress-nginx.svc.cluster.local/', headers: { Host: 'foo.test' } });
    expect(body(fromPod())).toMatch(/^200 app-1 /);
    c.apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'default' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    const r = get(c, 'foo.test', '/');
    expect(r.ok && r.status).toBe(504);
    expect(r.trace.deniedBy).toEqual([{ namespace: 'default', name: 'deny', direction: 'Ingress' }]);
    c.apply({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-ingress-nginx', namespace: 'default' },
      spec: { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] }] },
    });
    const ok = get(c, 'foo.test', '/');
    expect(ok.ok && ok.status).toBe(200);
    expect(ok.trace.allowedBy).toEqual([{ namespace: 'default', name: 'allow-ingress-nginx', direction: 'Ingress', rule: 0 }]);
  });

  it('validates Ingress specs', () => {
    const c = cluster();
    const bad = (spec: Json) => {
      try {
        c.store.create({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'x', namespace: 'default' }, spec });
        return 'ok';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(bad({ rules: [{ host: 'a.test', http: { paths: [{ path: 'app', pathType: 'Prefix', backend: backend('app') }] } }] })).toBe(
      'Ingress.networking.k8s.io "x" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "app": must be an absolute path',
    );
    expect(bad({ rules: [{ host: 'a.test', http: { paths: [{ path: '/', backend: backend('app') }] } }] })).toBe(
      'Ingress.networking.k8s.io "x" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
    );
    expect(bad({ rules: [{ host: '10.0.0.1', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('app') }] } }] })).toBe(
      'Ingress.networking.k8s.io "x" is invalid: spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
    );
  });
});
