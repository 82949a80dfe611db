import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import type { KubeletService } from '../kubelet/types';

function cluster() {
  const c = createCluster({ seed: 9 });
  c.settle();
  return c;
}

const claim = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...extra },
});

const podUsing = (name: string, claimName: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: {
    containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
  },
});

describe('storage', () => {
  it('defaults the class, waits for the first consumer, then provisions and binds on its node', () => {
    const c = cluster();
    const api = c.api();
    const pvc = api.create(claim('data'));
    expect(pvc.spec.storageClassName).toBe('local-path');
    expect(pvc.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    c.settle();
    expect(c.store.peek('persistentvolumeclaims', 'default', 'data')?.status?.phase).toBe('Pending');
    const waiting = c.store.peekList('events', 'default').find((e) => e.reason === 'WaitForFirstConsumer');
    expect(waiting?.message).toBe('waiting for first consumer to be created before binding');
    api.create(podUsing('writer', 'data'));
    c.settle();
    const bound = c.store.peek('persistentvolumeclaims', 'default', 'data')!;
    expect(bound.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } });
    const pv = c.store.peek('persistentvolumes', '', bound.spec.volumeName)!;
    expect(pv.metadata.name).toBe(`pvc-${bound.metadata.uid}`);
    expect(pv.spec.persistentVolumeReclaimPolicy).toBe('Delete');
    const pod = c.store.peek('pods', 'default', 'writer')!;
    expect(pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values).toEqual([pod.spec.nodeName]);
    expect(pod.status.phase).toBe('Running');
  });

  it('keeps data written to the volume when the pod is deleted and recreated', () => {
    const c = cluster();
    const api = c.api();
    api.create(claim('data'));
    api.create(podUsing('writer', 'data'));
    c.settle();
    const kubelet = c.services.get('kubelet') as KubeletService;
    expect(kubelet.exec('default', 'writer', undefined, ['sh', '-c', 'echo hello > /data/hello.txt']).exitCode).toBe(0);
    api.delete(c.registry.resolve('pods')!, 'default', 'writer');
    c.settle();
    expect(c.store.peek('pods', 'default', 'writer')).toBeUndefined();
    api.create(podUsing('writer', 'data'));
    c.settle();
    expect(kubelet.exec('default', 'writer', undefined, ['cat', '/data/hello.txt']).stdout).toBe('hello\n');
  });

  it('binds a matching static volume and releases it (Retain) or deletes it (Delete) with its claim', () => {
    const c = cluster();
    const api = c.api();
    for (const [name, size, policy] of [['small', '1Gi', 'Retain'], ['big', '10Gi', 'Retain']] as const) {
      api.create({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: policy, hostPath: { path: `/mnt/${name}` } } });
    }
    c.settle();
    expect(c.store.peek('persistentvolumes', '', 'small')?.status?.phase).toBe('Available');
    api.create(claim('static', { storageClassName: '' }));
    c.settle();
    expect(c.store.peek('persistentvolumeclaims', 'default', 'static')?.spec?.volumeName).toBe('small');
    expect(c.store.peek('persistentvolumes', '', 'small')?.status?.phase).toBe('Bound');
    api.delete(c.registry.resolve('pvc')!, 'default', 'static');
    c.settle();
    expect(c.store.peek('persistentvolumes', '', 'small')?.status?.phase).toBe('Released');
  });

  it('protects a claim in use and reports a class that does not exist', () => {
    const c = cluster();
    const api = c.api();
    api.create(claim('data'));
    api.create(podUsing('writer', 'data'));
    c.settle();
    api.delete(c.registry.resolve('pvc')!, 'default', 'data');
    c.settle();
    expect(c.store.peek('persistentvolumeclaims', 'default', 'data')?.metadata.deletionTimestamp).toBeDefined();
    api.delete(c.registry.resolve('pods')!, 'default', 'writer');
    c.settle();
    expect(c.store.peek('persistentvolumeclaims', 'default', 'data')).toBeUndefined();
    expect(c.store.peekList('persistentvolumes')).toEqual([]);
    api.create(claim('odd', { storageClassName: 'fast' }));
    c.settle();
    expect(c.store.peekList('events', 'default').find((e) => e.involvedObject.name === 'odd')?.message).toBe('storageclass.storage.k8s.io "fast" not found');
  });

  it('validates claims with the API server messages', () => {
    const api = cluster().api();
    expect(() => api.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'x', namespace: 'default' }, spec: {} })).toThrowError(
      'PersistentVolumeClaim "x" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]',
    );
  });
});
