import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { createFacade } from './handler';
import type { FacadeRequest } from './types';

function setup() {
  const cluster = createCluster({ seed: 5, topology: 'bare' });
  cluster.settle();
  const f = createFacade(cluster, { maxBodyBytes: 1024 });
  const call = (method: string, path: string, body?: string, headers: Record<string, string> = {}, query: Record<string, string> = {}, bodyBytes?: Uint8Array) => {
    const req: FacadeRequest = { method, path, query, headers: { 'content-type': 'application/json', ...headers }, body, bodyBytes };
    const r = f.handle(req);
    return { status: r.status, json: r.body ? JSON.parse(r.body) : undefined, r };
  };
  return { cluster, call };
}

const PODS = '/api/v1/namespaces/default/pods';

describe('REST facade: bad requests get Status errors, never crash', () => {
  it('malformed JSON is a 400 BadRequest Status', () => {
    const { call } = setup();
    const r = call('POST', PODS, '{"kind": "Pod", "metadata": {');
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'BadRequest', code: 400 });
    expect(r.json.message).toMatch(/^the object provided is unrecognized \(must be of type Object\): couldn't get version\/kind; json parse error: /);
  });

  it('an empty body is a 400, a body over the limit a 413', () => {
    const { call } = setup();
    expect(call('POST', PODS).json).toMatchObject({ reason: 'BadRequest', message: 'the body of the request is empty', code: 400 });
    const big = call('POST', PODS, JSON.stringify({ data: 'x'.repeat(2048) }));
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ kind: 'Status', reason: 'RequestEntityTooLarge', code: 413 });
  });

  it('unknown paths and resources are 404 with the apiserver message', () => {
    const { call } = setup();
    for (const p of ['/nope', '/apis/nope.example.com/v1', '/api/v1/namespaces/default/widgets', '/apis/apps/v9/deployments']) {
      const r = call('GET', p);
      expect(r.status).toBe(404);
      expect(r.json).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource' });
    }
  });

  it('a missing object is a NotFound naming the resource', () => {
    const { call } = setup();
    expect(call('GET', `${PODS}/ghost`).json).toMatchObject({ reason: 'NotFound', message: 'pods "ghost" not found', code: 404 });
  });

  it('unsupported patch media types are 415', () => {
    const { call } = setup();
    const r = call('PATCH', '/api/v1/namespaces/default', '{}', { 'content-type': 'text/plain' });
    expect(r.status).toBe(415);
    expect(r.json.reason).toBe('UnsupportedMediaType');
  });

  it('garbage protobuf is a 400, not an exception', () => {
    const { call } = setup();
    const junk = new Uint8Array([0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff, 0xff, 0xff, 0x0f]);
    const r = call('POST', PODS, undefined, { 'content-type': 'application/vnd.kubernetes.protobuf' }, {}, junk);
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/^unable to decode protobuf body: protobuf: /);
    expect(call('POST', PODS, undefined, { 'content-type': 'application/vnd.kubernetes.protobuf' }, {}, new Uint8Array([1, 2])).status).toBe(400);
  });

  it('the cluster keeps serving after a run of bad requests', () => {
    const { call } = setup();
    for (let i = 0; i < 50; i++) call('POST', PODS, `{${'['.repeat(i)}`);
    expect(call('GET', '/api/v1/namespaces/default').json.metadata.name).toBe('default');
  });
});

describe('REST facade: resources served without an engine kind', () => {
  it('replicationcontrollers list empty, as on an idle cluster (kubectl get all)', () => {
    const { call } = setup();
    const r = call('GET', '/api/v1/namespaces/default/replicationcontrollers');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ kind: 'ReplicationControllerList', apiVersion: 'v1', items: [] });
    expect(call('GET', '/api/v1/namespaces/default/replicationcontrollers/x').json).toMatchObject({ reason: 'NotFound', message: 'replicationcontrollers "x" not found' });
  });

  it('autoscaling/v1 HPAs convert to and from the stored v2 object', () => {
    const { call } = setup();
    const v1 = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 4, targetCPUUtilizationPercentage: 70 } };
    const created = call('POST', '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers', JSON.stringify(v1));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ apiVersion: 'autoscaling/v1', spec: { maxReplicas: 4, targetCPUUtilizationPercentage: 70 } });
    const v2 = call('GET', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web').json;
    expect(v2.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);
    expect(call('GET', '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers').json).toMatchObject({ kind: 'HorizontalPodAutoscalerList', apiVersion: 'autoscaling/v1' });
  });

  it('server-side apply of a missing object creates it (201), then patches it (200)', () => {
    const { call } = setup();
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ss\ndata:\n  a: b\n';
    const first = call('PATCH', '/api/v1/namespaces/default/configmaps/ss', yaml, { 'content-type': 'application/apply-patch+yaml' }, { fieldManager: 'kubectl' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'ss', namespace: 'default' }, data: { a: 'b' } });
    const second = call('PATCH', '/api/v1/namespaces/default/configmaps/ss', yaml.replace('a: b', 'a: c'), { 'content-type': 'application/apply-patch+yaml' }, { fieldManager: 'kubectl' });
    expect(second.status).toBe(200);
    expect(second.json.data).toEqual({ a: 'c' });
  });
});
