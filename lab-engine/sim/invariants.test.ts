import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { assertInvariants } from './invariants';

describe('assertInvariants', () => {
  it('passes on a settled cluster with a Deployment', () => {
    const c = createCluster({ seed: 3, topology: 'bare' });
    c.api().create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    c.settle();
    expect(() => assertInvariants(c)).not.toThrow();
  });

  it('reports dangling owner references, wrong counts and pods on missing nodes', () => {
    const c = createCluster({ seed: 3, topology: 'bare' });
    const api = c.api();
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'gone', uid: 'u-1' }] } });
    const pod = api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    api.update({ ...pod, spec: { ...pod.spec, nodeName: 'nowhere' } });
    expect(() => assertInvariants(c)).toThrowError(
      'invariants violated:\n  ConfigMap default/x has a dangling ownerReference to ConfigMap gone (u-1)\n  Pod default/p is bound to missing node nowhere',
    );
  });
});
