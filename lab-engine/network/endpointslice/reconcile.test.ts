import { describe, expect, it } from 'vitest';
import { NetCluster } from '../testing/net-cluster';

function slicesOf(c: NetCluster, ns: string, svc: string) {
  return c.store.peekList('endpointslices.discovery.k8s.io', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);
}

describe('EndpointSlice controller', () => {
  it('keeps a placeholder slice for a Service that selects nothing', () => {
    const c = new NetCluster();
    const svc = c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    const [slice, ...rest] = slicesOf(c, 'default', 'web');
    expect(rest).toEqual([]);
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.generateName).toBe('web-');
    expect(slice.metadata.labels).toEqual({ app: 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.endpoints).toBeNull();
    expect(slice.ports).toBeNull();
  });

  it('lists ready, not-ready and terminating pods with conditions, nodeName and targetRef', () => {
    const c = new NetCluster();
    const a = c.addPod('default', 'web-a', { labels: { app: 'web' }, node: 'node01' });
    const b = c.addPod('default', 'web-b', { labels: { app: 'web' }, node: 'node02', ready: false });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } });
    const [slice] = slicesOf(c, 'default', 'web');
    expect(slice.endpoints).toEqual([
      { addresses: [a.status.podIP], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'node01', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-a', uid: a.metadata.uid } },
      { addresses: [b.status.podIP], conditions: { ready: false, serving: false, terminating: false }, nodeName: 'node02', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-b', uid: b.metadata.uid } },
    ]);
    expect(slice.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    const ep = c.store.peek('endpoints', 'default', 'web')!;
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: a.status.podIP, nodeName: 'node01', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-a', uid: a.metadata.uid } }],
        notReadyAddresses: [{ ip: b.status.podIP, nodeName: 'node02', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-b', uid: b.metadata.uid } }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
    // Pod becomes ready → the slice is updated in place (same name)
    const name = slice.metadata.name;
    c.setPodStatus('default', 'web-b', b.status.podIP, true);
    const [after] = slicesOf(c, 'default', 'web');
    expect(after.metadata.name).toBe(name);
    expect(after.endpoints.map((e: { conditions: { ready: boolean } }) => e.conditions.ready)).toEqual([true, true]);
  });

  it('terminating pods stay in the slice (ready false, serving kept) and leave Endpoints', () => {
    const c = new NetCluster();
    c.addPod('default', 'web-a', { labels: { app: 'web' } });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    const pod = c.store.peek('pods', 'default', 'web-a')!;
    c.store.update({ ...pod, metadata: { ...pod.metadata, finalizers: ['test/hold'] } });
    c.store.delete(c.registry.forResource('pods', '')!, 'default', 'web-a');
    c.settle();
    expect(slicesOf(c, 'default', 'web')[0].endpoints[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect(c.store.peek('endpoints', 'default', 'web')!.subsets).toBeUndefined();
  });

  it('resolves named targetPorts per pod and groups slices by port set', () => {
    const c = new NetCluster();
    c.addPod('default', 'v1', { labels: { app: 'api' }, ports: [{ name: 'http', containerPort: 8080 }] });
    c.addPod('default', 'v2', { labels: { app: 'api' }, ports: [{ name: 'http', containerPort: 9090 }] });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'default' }, spec: { selector: { app: 'api' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }] } });
    const slices = slicesOf(c, 'default', 'api');
    expect(slices.map((s) => s.ports[0].port).sort()).toEqual([8080, 9090]);
    expect(slices.every((s) => s.ports[0].name === 'web' && s.endpoints.length === 1)).toBe(true);
  });

  it('publishNotReadyAddresses marks every endpoint ready; headless gets the headless label; hostname for subdomain pods', () => {
    const c = new NetCluster();
    c.addPod('default', 'db-0', { labels: { app: 'db' }, ready: false, spec: { hostname: 'db-0', subdomain: 'db' } });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'default' }, spec: { clusterIP: 'None', publishNotReadyAddresses: true, selector: { app: 'db' }, ports: [{ port: 5432 }] } });
    const [slice] = slicesOf(c, 'default', 'db');
    expect(slice.metadata.labels!['service.kubernetes.io/headless']).toBe('');
    expect(slice.endpoints[0]).toMatchObject({ conditions: { ready: true, serving: false, terminating: false }, hostname: 'db-0' });
    const ep = c.store.peek('endpoints', 'default', 'db')!;
    expect(ep.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    expect(ep.subsets[0].addresses[0].hostname).toBe('db-0');
  });

  it('deleting the Service removes its slices and Endpoints; selectorless Services are left alone', () => {
    const c = new NetCluster();
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    c.store.delete(c.registry.forResource('services', '')!, 'default', 'web');
    c.settle();
    expect(slicesOf(c, 'default', 'web')).toEqual([]);
    expect(c.store.peek('endpoints', 'default', 'web')).toBeUndefined();
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    expect(slicesOf(c, 'default', 'ext')).toEqual([]);
    expect(c.store.peek('endpoints', 'default', 'ext')).toBeUndefined();
  });

  it('mirrors hand-written Endpoints of a selectorless Service into a slice kube-proxy routes to', () => {
    const c = new NetCluster();
    c.addPod('default', 'legacy', { image: 'hashicorp/http-echo', ports: [{ containerPort: 5678 }] });
    const ip = c.store.peek('pods', 'default', 'legacy')!.status.podIP;
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { ports: [{ port: 80, targetPort: 5678 }] } });
    const ep = c.apply({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext', namespace: 'default' }, subsets: [{ addresses: [{ ip }], ports: [{ port: 5678 }] }] });
    const [slice] = slicesOf(c, 'default', 'ext');
    expect(slice.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io', 'kubernetes.io/service-name': 'ext' });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Endpoints', name: 'ext', uid: ep.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.endpoints).toEqual([{ addresses: [ip], conditions: { ready: true } }]);
    expect(slice.ports).toEqual([{ name: '', port: 5678, protocol: 'TCP' }]);
    c.addPod('default', 'client', { image: 'busybox' });
    const svcIP = c.store.peek('services', 'default', 'ext')!.spec.clusterIP;
    const r = c.net.request({ from: { namespace: 'default', pod: 'client' }, url: `http://${svcIP}/` });
    expect(r.ok && r.status).toBe(200);
  });
});
