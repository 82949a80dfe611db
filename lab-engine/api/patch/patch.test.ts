import { describe, expect, it } from 'vitest';
import { applyPatch } from './index';
import { ApiError } from '../errors';
import type { KubeObject } from '../types';

const deploy = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', finalizers: ['a'] },
  spec: {
    replicas: 1,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }] },
          { name: 'side', image: 'busybox' },
        ],
        tolerations: [{ key: 'x', operator: 'Exists' }],
        volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }],
      },
    },
  },
});

describe('strategic merge patch', () => {
  it('merges containers by name, ports by containerPort, env by name', () => {
    const out = applyPatch(deploy(), 'strategic', {
      spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 443 }], env: [{ name: 'A', value: '2' }, { name: 'B', value: '3' }] }] } } },
    });
    const c = out.spec.template.spec.containers;
    expect(c.map((x: { name: string; image: string }) => `${x.name}=${x.image}`)).toEqual(['nginx=nginx:1.27', 'side=busybox']);
    expect(c[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }]);
    expect(c[0].env).toEqual([{ name: 'A', value: '2' }, { name: 'B', value: '3' }]);
  });

  it('replaces atomic lists (tolerations) and honours $patch directives', () => {
    const out = applyPatch(deploy(), 'strategic', {
      metadata: { finalizers: ['b'] },
      spec: {
        strategy: { $retainKeys: ['type'], type: 'Recreate' },
        template: { spec: { tolerations: [{ key: 'y', operator: 'Exists' }], containers: [{ name: 'side', $patch: 'delete' }], volumes: [{ $patch: 'replace' }, { name: 'data', emptyDir: {} }] } },
      },
    });
    expect(out.metadata.finalizers).toEqual(['a', 'b']);
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'y', operator: 'Exists' }]);
    expect(out.spec.template.spec.containers.map((x: { name: string }) => x.name)).toEqual(['nginx']);
    expect(out.spec.template.spec.volumes).toEqual([{ name: 'data', emptyDir: {} }]);
  });

  it('deletes with null and orders with $setElementOrder', () => {
    const out = applyPatch(deploy(), 'strategic', {
      spec: { replicas: null, template: { spec: { $setElementOrder: undefined, containers: [{ name: 'side', image: 'alpine' }], '$setElementOrder/containers': [{ name: 'side' }, { name: 'nginx' }] } } },
    });
    expect(out.spec.replicas).toBeUndefined();
    expect(out.spec.template.spec.containers.map((x: { name: string; image: string }) => `${x.name}=${x.image}`)).toEqual(['side=alpine', 'nginx=nginx:1.25']);
  });
});

describe('JSON patch (RFC 6902)', () => {
  it('applies operations', () => {
    const out = applyPatch(deploy(), 'json', [
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/metadata/labels', value: { app: 'web' } },
      { op: 'remove', path: '/spec/template/spec/containers/1' },
    ]);
    expect([out.spec.replicas, out.metadata.labels, out.spec.template.spec.containers.length]).toEqual([3, { app: 'web' }, 1]);
  });

  it('fails like the apiserver on a missing path', () => {
    try {
      applyPatch(deploy(), 'json', [{ op: 'remove', path: '/spec/nope' }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      const s = (e as ApiError).status;
      expect([s.code, s.reason, s.message]).toEqual([422, 'Invalid', 'the server rejected our request due to an error in our request']);
      expect(s.details?.causes?.[0].message).toBe('remove operation does not apply: doc is missing path: "/spec/nope": missing value');
    }
  });
});
