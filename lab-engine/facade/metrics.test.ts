import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { createFacade } from './handler';
import type { FacadeRequest } from './types';

const get = (path: string, query: Record<string, string> = {}): FacadeRequest => ({ method: 'GET', path, query, headers: {} });

describe('facade: metrics.k8s.io and the afterWrite hook', () => {
  it('filters PodMetrics by labelSelector (kubectl top pods -l)', () => {
    const cluster = createCluster({ seed: 2, topology: 'default' });
    cluster.settle({ maxMs: 60_000 });
    const f = createFacade(cluster);
    const all = JSON.parse(f.handle(get('/apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods')).body!);
    const dns = JSON.parse(f.handle(get('/apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods', { labelSelector: 'k8s-app=kube-dns' })).body!);
    expect(all.items.length).toBeGreaterThan(dns.items.length);
    expect(dns.items.length).toBe(2);
    expect(dns.items.every((p: { metadata: { name: string } }) => p.metadata.name.startsWith('coredns-'))).toBe(true);
  });

  it('calls afterWrite after successful writes only', () => {
    const cluster = createCluster({ seed: 2, topology: 'bare' });
    let writes = 0;
    const f = createFacade(cluster, { afterWrite: () => writes++ });
    const cm = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    f.handle({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', query: {}, headers: { 'content-type': 'application/json' }, body: cm });
    f.handle({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', query: {}, headers: { 'content-type': 'application/json' }, body: cm }); // AlreadyExists
    f.handle(get('/api/v1/namespaces/default/configmaps'));
    expect(writes).toBe(1);
  });
});
