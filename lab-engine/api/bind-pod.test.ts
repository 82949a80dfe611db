import { describe, expect, it } from 'vitest';
import { newApiServer } from './testing/api-server';
import { ApiError } from './errors';
import type { WatchEvent } from './types';

const condition = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-05T09:00:00Z' };

describe('Store.bindPod (pods/binding)', () => {
  it('sets spec.nodeName and PodScheduled=True in one write, replacing an Unschedulable condition', () => {
    const s = newApiServer();
    s.api().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const pending = s.store.peek('pods', 'default', 'p')!;
    s.store.update({ ...pending, status: { ...pending.status, conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'no nodes' }] } }, { subresource: 'status' });
    const events: WatchEvent[] = [];
    s.store.watch((e) => events.push(e), { resource: 'pods' });
    const rv = Number(s.store.resourceVersion());
    const r = s.store.bindPod('default', 'p', 'node01', condition);
    expect(events.map((e) => e.type)).toEqual(['MODIFIED']);
    expect(events[0].old?.spec.nodeName).toBeUndefined();
    const bound = s.store.peek('pods', 'default', 'p')!;
    expect(r.stored).toBe(bound);
    expect(bound.spec.nodeName).toBe('node01');
    expect(bound.status.conditions).toEqual([condition]);
    expect(bound.metadata.resourceVersion).toBe(String(rv + 1));
    // The stored spec keeps every other field of the pod as it was.
    expect({ ...bound.spec, nodeName: undefined }).toEqual({ ...pending.spec, nodeName: undefined });
  });

  it('refuses a pod that is already bound, with the binding REST message', () => {
    const s = newApiServer();
    s.api().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'node02', containers: [{ name: 'c', image: 'nginx' }] } });
    try {
      s.store.bindPod('default', 'p', 'node01', condition);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe(409);
      expect((e as ApiError).status.message).toBe('Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "node02"');
    }
    expect(() => s.store.bindPod('default', 'missing', 'node01', condition)).toThrowError('pods "missing" not found');
  });
});
