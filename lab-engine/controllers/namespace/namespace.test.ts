import { describe, expect, it } from 'vitest';
import { bareCluster } from '../testing/fixture';
import { R } from '../common/kinds';

describe('namespace controller', () => {
  it('empties a terminating namespace, reports what remains, then finalizes it', () => {
    const c = bareCluster();
    const api = c.api();
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' } });
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'shop', finalizers: ['example.com/x'] } });
    c.settle();
    c.advance(5000);
    api.delete(c.registry.resolve('ns')!, '', 'shop');
    c.settle();
    const ns = c.store.peek(R.namespaces, '', 'shop')!;
    expect(ns.status.phase).toBe('Terminating');
    const t = c.clock.nowRfc3339();
    expect(ns.status.conditions).toEqual([
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', lastTransitionTime: t, reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', lastTransitionTime: t, reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', lastTransitionTime: t, reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      { type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: t, reason: 'SomeResourcesRemain', message: 'Some resources are remaining: configmaps. has 1 resource instances' },
      { type: 'NamespaceFinalizersRemaining', status: 'True', lastTransitionTime: t, reason: 'SomeFinalizersRemain', message: 'Some content in the namespace has finalizers remaining: example.com/x in 1 resource instances' },
    ]);
    expect(c.store.peekList('configmaps', 'shop').map((o) => o.metadata.name)).toEqual(['held']);
    const held = c.store.peek('configmaps', 'shop', 'held')!;
    api.update({ ...held, metadata: { ...held.metadata, finalizers: [] } });
    c.settle();
    expect(c.store.peek(R.namespaces, '', 'shop')).toBeUndefined();
  });
});

describe('namespace deletion on the default cluster', () => {
  it('terminates running pods through the kubelets and removes the namespace (events in a terminating namespace are dropped)', async () => {
    const { createCluster } = await import('../../sim/cluster');
    const c = createCluster({ seed: 7 });
    c.settle();
    const api = c.api();
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    });
    c.settle();
    expect(c.store.peekList(R.pods, 'shop').map((p) => p.status.phase)).toEqual(['Running', 'Running']);
    api.delete(c.registry.resolve('ns')!, '', 'shop');
    expect(c.store.peek(R.namespaces, '', 'shop')!.status.phase).toBe('Terminating');
    c.settle();
    c.advance(60_000);
    expect(c.store.peek(R.namespaces, '', 'shop')).toBeUndefined();
    expect(c.snapshot().filter((o) => o.metadata.namespace === 'shop')).toEqual([]);
  });
});
