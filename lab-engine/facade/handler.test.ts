import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { createFacade } from './handler';
import type { FacadeRequest } from './types';

function setup() {
  const cluster = createCluster({ seed: 3, topology: 'bare' });
  cluster.settle();
  const f = createFacade(cluster);
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, query: Record<string, string> = {}) => {
    const req: FacadeRequest = { method, path, query, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) };
    const r = f.handle(req);
    return { status: r.status, json: r.body ? JSON.parse(r.body) : undefined, r };
  };
  return { cluster, call };
}

describe('REST facade', () => {
  it('serves discovery for core and groups', () => {
    const { call } = setup();
    expect(call('GET', '/api').json.versions).toEqual(['v1']);
    const groups = call('GET', '/apis').json.groups.map((g: { name: string }) => g.name);
    expect(groups).toContain('apps');
    const core = call('GET', '/api/v1').json.resources;
    expect(core.find((r: { name: string }) => r.name === 'pods')).toMatchObject({ kind: 'Pod', namespaced: true, shortNames: ['po'] });
    expect(core.find((r: { name: string }) => r.name === 'pods/log')).toMatchObject({ kind: 'Pod', verbs: ['get'] });
    expect(call('GET', '/version').json.gitVersion).toBe('v1.32.4');
  });

  it('creates, reads, patches and deletes like the API server', () => {
    const { call } = setup();
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } };
    const created = call('POST', '/api/v1/namespaces/default/configmaps', cm);
    expect(created.status).toBe(201);
    expect(created.json.metadata.namespace).toBe('default');
    expect(call('POST', '/api/v1/namespaces/default/configmaps', cm).json).toMatchObject({ reason: 'AlreadyExists', code: 409, message: 'configmaps "a" already exists' });
    const patched = call('PATCH', '/api/v1/namespaces/default/configmaps/a', { data: { k: 'w' } }, { 'content-type': 'application/merge-patch+json' });
    expect(patched.json.data).toEqual({ k: 'w' });
    expect(call('GET', '/api/v1/namespaces/default/configmaps').json.items.map((o: { metadata: { name: string } }) => o.metadata.name)).toContain('a');
    expect(call('DELETE', '/api/v1/namespaces/default/configmaps/a').status).toBe(200);
    expect(call('GET', '/api/v1/namespaces/default/configmaps/a').json).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
  });

  it('answers bad requests with Status errors and keeps serving', () => {
    const { call } = setup();
    expect(call('POST', '/api/v1/namespaces/default/configmaps', '{not json').json).toMatchObject({ kind: 'Status', code: 400 });
    expect(call('POST', '/api/v1/namespaces/default/configmaps', 'x'.repeat(4 * 1024 * 1024)).json).toMatchObject({ reason: 'RequestEntityTooLarge', code: 413 });
    expect(call('POST', '/api/v1/namespaces/default/configmaps', 'k8s\0', { 'content-type': 'application/vnd.kubernetes.protobuf' }).status).toBe(415);
    expect(call('GET', '/apis/nosuch.io/v1/things').status).toBe(404);
    expect(call('PATCH', '/api/v1/namespaces/default/configmaps/none', {}, { 'content-type': 'text/plain' }).status).toBe(415);
    expect(call('GET', '/api/v1/namespaces').status).toBe(200);
  });

  it('streams watch events for changes after the watch starts', () => {
    const { cluster, call } = setup();
    const r = call('GET', '/api/v1/namespaces/default/configmaps', undefined, {}, { watch: 'true' }).r;
    const lines: string[] = [];
    const stop = r.watch!((l) => lines.push(l));
    cluster.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w', namespace: 'default' } });
    cluster.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'kube-system' } });
    stop();
    cluster.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: 'default' } });
    expect(lines.map((l) => JSON.parse(l)).map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED w']);
  });

  it('impersonates users for --as and reports them in SelfSubjectReview', () => {
    const { call } = setup();
    const r = call('POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }, { 'impersonate-user': 'jane' });
    expect(r.json.status.userInfo.username).toBe('jane');
  });
});
