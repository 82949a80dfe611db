import { describe, expect, it } from 'vitest';
import { newApiServer } from './testing/api-server';
import { etcdGet, etcdKeys } from './etcd-view';

describe('/registry key view', () => {
  it('lists keys as kube-apiserver stores them', () => {
    const s = newApiServer();
    s.api().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    s.api().create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' } });
    s.api().create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: 'default' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    const keys = etcdKeys(s.store);
    expect(keys).toContain('/registry/pods/default/web');
    expect(keys).toContain('/registry/minions/node01');
    expect(keys).toContain('/registry/deployments/default/api');
    expect(keys).toContain('/registry/namespaces/kube-system');
    expect(keys).toContain('/registry/clusterroles/cluster-admin');
    expect(keys).toContain('/registry/serviceaccounts/default/default');
    expect(etcdKeys(s.store, '/registry/pods/')).toEqual(['/registry/pods/default/web']);
    expect(etcdGet(s.store, '/registry/minions/node01')?.metadata.name).toBe('node01');
    expect(etcdGet(s.store, '/registry/pods/default/web')?.kind).toBe('Pod');
  });

  it('puts custom resources under their group', () => {
    const s = newApiServer();
    s.api().create({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: { group: 'example.com', scope: 'Namespaced', names: { plural: 'widgets', kind: 'Widget' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }] },
    });
    s.api().create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1', namespace: 'default' } });
    expect(etcdKeys(s.store).filter((k) => k.includes('example.com'))).toEqual([
      '/registry/apiextensions.k8s.io/customresourcedefinitions/widgets.example.com',
      '/registry/example.com/widgets/default/w1',
    ]);
  });
});
