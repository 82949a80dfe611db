import { describe, expect, it } from 'vitest';
import { descriptionOf, fieldAt, loadDescriptions, schemaFor, unknownFieldsOf } from './index';
import { newApiServer } from '../testing/api-server';
import { ApiError } from '../errors';

describe('OpenAPI schema loader', () => {
  it('looks up kinds and fields with explain-style types', () => {
    const s = schemaFor('apps', 'v1', 'Deployment')!;
    expect(s.name).toBe('Deployment');
    expect(s.fields.map((f) => f.name)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    const containers = fieldAt('', 'v1', 'Pod', ['spec', 'containers'])!;
    expect(containers.field).toEqual({ name: 'containers', type: '[]Container', ref: 'core/v1.Container', required: true });
    expect(fieldAt('apps', 'v1', 'Deployment', ['spec', 'replicas'])!.field!.type).toBe('integer');
    expect(fieldAt('', 'v1', 'ConfigMap', ['data'])!.field!.type).toBe('map[string]string');
    expect(fieldAt('', 'v1', 'Pod', ['spec', 'nope'])).toBeUndefined();
  });

  it('loads descriptions lazily', async () => {
    expect(descriptionOf('apps/v1.DeploymentSpec', 'replicas')).toBeUndefined();
    await loadDescriptions();
    expect(descriptionOf('apps/v1.DeploymentSpec', 'replicas')).toBe(
      'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
    );
  });

  it('finds unknown fields with the decoder paths', () => {
    expect(unknownFieldsOf('', 'v1', 'Pod', { spec: { containers: [{ name: 'c', imagee: 'x' }], foo: 1 }, metadata: { labels: { a: 'b' } } })).toEqual([
      'spec.containers[0].imagee',
      'spec.foo',
    ]);
  });
});

describe('strict decoding through the store', () => {
  it('rejects unknown fields with the apiserver message when fieldValidation=Strict', () => {
    const s = newApiServer();
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replica: 2, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    };
    try {
      s.api().create(d, { fieldValidation: 'Strict' });
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).status.message).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
      expect((e as ApiError).code).toBe(400);
    }
    expect(s.store.create(d, { fieldValidation: 'Warn' }).warnings).toEqual(['unknown field "spec.replica"']);
  });
});

describe('decoder type errors', () => {
  const deploy = (spec: object) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ...spec },
  });
  const msg = (obj: object) => {
    try {
      newApiServer().api().create(obj as never, { fieldValidation: 'Strict' });
    } catch (e) {
      return (e as ApiError).status.message;
    }
    return 'no error';
  };
  it('reports quoted numbers and scalar-for-list mistakes like encoding/json', () => {
    expect(msg(deploy({ replicas: '3' }))).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox', command: 'sleep 3600' }] } };
    expect(msg(pod)).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string');
    const port = { ...pod, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: '80' }] }] } };
    expect(msg(port)).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
    expect(msg(deploy({ strategy: { rollingUpdate: { maxSurge: 1 } } }))).toBe('no error');
  });
});
