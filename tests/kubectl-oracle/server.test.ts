import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createCluster } from '../../lab-engine/index';
import { startKubeApiServer, kubeconfigFor } from '../../scripts/kube-api-server';

/** The Node transport of the facade: limits, Status errors, watch streams, shutdown. */
function call(url: string, method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens a watch and resolves with the lines received once the server ends the stream. */
function watch(url: string, path: string, onOpen?: () => void): Promise<string[]> {
  return new Promise((resolve, reject) => {
    request(`${url}${path}`, (res) => {
      onOpen?.();
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve(data.split('\n').filter(Boolean)));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('scripts/kube-api-server.ts', () => {
  it('answers bad requests with Status errors and keeps serving', async () => {
    const cluster = createCluster({ seed: 2, topology: 'bare' });
    cluster.settle();
    const s = await startKubeApiServer({ cluster, manualTime: true });
    try {
      const big = await call(s.url, 'POST', '/api/v1/namespaces/default/configmaps', Buffer.alloc(4 * 1024 * 1024, 0x61));
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body)).toMatchObject({ kind: 'Status', reason: 'RequestEntityTooLarge', message: 'Request entity too large: limit is 3145728', code: 413 });
      const bad = await call(s.url, 'POST', '/api/v1/namespaces/default/configmaps', '{"kind":');
      expect(bad.status).toBe(400);
      expect((await call(s.url, 'GET', '/no/such/path')).status).toBe(404);
      const ok = await call(s.url, 'POST', '/api/v1/namespaces/default/configmaps', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } }));
      expect(ok.status).toBe(201);
      expect(JSON.parse((await call(s.url, 'GET', '/api/v1/namespaces/default/configmaps/c')).body).data).toEqual({ a: 'b' });
    } finally {
      await s.close();
    }
  }, 60_000);

  it('streams watch events, ends them after timeoutSeconds, and closes open watches on shutdown', async () => {
    const cluster = createCluster({ seed: 2, topology: 'bare' });
    cluster.settle();
    const s = await startKubeApiServer({ cluster, manualTime: true });
    let opened = 0;
    let watches: Promise<string[]>[] = [];
    const opens = new Promise<void>((resolve) => {
      const onOpen = () => ++opened === 3 && resolve();
      watches = [1, 2, 3].map(() => watch(s.url, '/api/v1/namespaces/default/configmaps?watch=true', onOpen));
    });
    await opens; // headers arrive before any event (flushed at once)
    await call(s.url, 'POST', '/api/v1/namespaces/default/configmaps', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w' } }));
    const timed = await watch(s.url, '/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1');
    expect(timed).toEqual([]);
    await s.close();
    const lines = await Promise.all(watches);
    for (const l of lines) {
      expect(l.length).toBe(1);
      expect(JSON.parse(l[0])).toMatchObject({ type: 'ADDED', object: { kind: 'ConfigMap', metadata: { name: 'w' } } });
    }
  }, 60_000);

  it('writes a kubeconfig that points kubectl at the server with no flags', () => {
    expect(kubeconfigFor('http://127.0.0.1:6443', 'shop')).toContain('    server: http://127.0.0.1:6443\n');
    expect(kubeconfigFor('http://127.0.0.1:6443', 'shop')).toContain('    namespace: shop\n');
  });
});
