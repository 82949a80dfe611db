import { afterEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from './cluster';
import { setFreezeStoredObjects } from '../api/store';
import type { KubeObject } from '../api/types';

/**
 * Stored objects are shared: status writes keep the stored spec and metadata
 * subtrees, internal writers hand the store objects it keeps without a copy
 * (`owned`), readers get `peek` instances. Nothing may write to them after the
 * commit. With the store's test mode every committed object is deep-frozen, so
 * such a write throws where it happens; these runs drive most controllers, the
 * scheduler and the kubelets through it, and the frozen run must end in the
 * same state as a normal one.
 */
function deployment(name: string, replicas: number, image: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { path: '/', port: 80 } } }] } },
    },
  };
}

function workload(c: Cluster): void {
  const api = c.api();
  const deployDef = c.registry.resolve('deployments')!;
  const podDef = c.registry.resolve('pods')!;
  const nodeDef = c.registry.resolve('nodes')!;
  c.settle();
  api.create(deployment('web', 4, 'nginx:1.27'));
  api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] } });
  api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'missing', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:does-not-exist' }] } });
  api.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once', namespace: 'default' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }] } } } });
  api.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'redis', image: 'redis:7' }] } } } });
  c.advance(60_000);
  // A rolling update, a scale-down, a cordon and deletions.
  const web = api.get(deployDef, 'default', 'web');
  api.update({ ...web, spec: { ...web.spec, template: { ...web.spec.template, spec: { ...web.spec.template.spec, containers: [{ ...web.spec.template.spec.containers[0], image: 'nginx:1.28' }] } } } });
  c.advance(60_000);
  api.patch(deployDef, 'default', 'web', 'merge', { spec: { replicas: 2 } });
  api.patch(nodeDef, '', 'node02', 'merge', { spec: { unschedulable: true } });
  api.delete(podDef, 'default', 'crash');
  api.create(deployment('late', 2, 'nginx:1.27'));
  c.advance(120_000);
  api.delete(deployDef, 'default', 'web');
  c.settle();
}

describe('stored objects are never mutated after commit', () => {
  afterEach(() => setFreezeStoredObjects(false));

  it('runs a busy cluster with every stored object frozen, to the same state as without', () => {
    const plain = createCluster({ seed: 7 });
    workload(plain);
    setFreezeStoredObjects(true);
    const frozen = createCluster({ seed: 7 });
    workload(frozen);
    const pods = frozen.store.peekList('pods');
    expect(Object.isFrozen(pods[0].status)).toBe(true);
    expect(pods.some((p) => p.metadata.name === 'missing')).toBe(true);
    expect(frozen.store.peekList('events').length).toBeGreaterThan(50);
    expect(frozen.stateHash()).toBe(plain.stateHash());
  });

  it('makes a write to a stored object throw in test mode', () => {
    setFreezeStoredObjects(true);
    const c = createCluster({ seed: 1, topology: 'bare' });
    c.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' }, data: { k: 'v' } });
    const stored = c.store.peek('configmaps', 'default', 'a')!;
    expect(() => {
      stored.data.k = 'changed';
    }).toThrow(TypeError);
  });
});
