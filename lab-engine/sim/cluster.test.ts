import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { ApiError } from '../api/errors';

const bare = () => createCluster({ seed: 1, topology: 'bare' });

describe('store through the cluster API', () => {
  it('assigns uid, resourceVersion and creationTimestamp from the virtual clock', () => {
    const c = bare();
    const api = c.api();
    const cm = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' }, data: { k: 'v' } });
    expect(cm.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(cm.metadata.creationTimestamp).toBe('2026-01-05T09:00:00Z');
    expect(Number(cm.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(cm.metadata.generation).toBeUndefined();
  });

  it('rejects duplicates and stale updates with the API server messages', () => {
    const c = bare();
    const api = c.api();
    const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } };
    const first = api.create(obj);
    expect(() => api.create(obj)).toThrowError('configmaps "a" already exists');
    api.update({ ...first, data: { x: '1' } });
    try {
      api.update({ ...first, data: { x: '2' } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).status.message).toBe(
        'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
      );
      expect((e as ApiError).code).toBe(409);
    }
  });

  it('bumps generation only when the spec changes', () => {
    const c = bare();
    const api = c.api();
    const d = api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    expect(d.metadata.generation).toBe(1);
    const labelled = api.update({ ...d, metadata: { ...d.metadata, labels: { a: 'b' } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = api.update({ ...labelled, spec: { ...labelled.spec, replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
  });

  it('keeps objects with finalizers until the last finalizer is removed', () => {
    const c = bare();
    const api = c.api();
    const cmDef = c.registry.resolve('cm')!;
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'f', namespace: 'default', finalizers: ['example.com/x'] } });
    const r = api.delete(cmDef, 'default', 'f');
    expect(r.deleted).toBe(false);
    const terminating = api.get(cmDef, 'default', 'f');
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    api.update({ ...terminating, metadata: { ...terminating.metadata, finalizers: [] } });
    expect(() => api.get(cmDef, 'default', 'f')).toThrowError('configmaps "f" not found');
  });

  it('delivers watch events in commit order', () => {
    const c = bare();
    const seen: string[] = [];
    c.store.watch((e) => seen.push(`${e.type} ${e.object.metadata.name}`), { resource: 'configmaps' });
    const api = c.api();
    const a = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    api.update({ ...a, data: { k: 'v' } });
    api.delete(c.registry.resolve('configmaps')!, 'default', 'a');
    expect(seen).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
  });

  it('generates names from generateName with the Kubernetes alphabet', () => {
    const api = bare().api();
    const cm = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'x-', namespace: 'default' } });
    expect(cm.metadata.name).toMatch(/^x-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});

describe('virtual time', () => {
  it('runs timers in order and never reads the real clock', () => {
    const c = bare();
    const order: string[] = [];
    c.runtime.after(5000, () => order.push('b'));
    c.runtime.after(1000, () => order.push('a'));
    c.runtime.after(60_000, () => order.push('bg'), { background: true });
    const passed = c.settle();
    expect(order).toEqual(['a', 'b']);
    expect(passed).toBe(5000);
    c.advance(60_000);
    expect(order).toEqual(['a', 'b', 'bg']);
  });

  it('gives the same state hash for the same seed and calls', () => {
    const run = () => {
      const c = bare();
      c.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'g-', namespace: 'default' } });
      c.advance(1234);
      return c.stateHash();
    };
    expect(run()).toBe(run());
  });
});
