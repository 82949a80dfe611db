import { describe, expect, it } from 'vitest';
import { Rng } from '../../base/rng';
import { NetCluster } from '../testing/net-cluster';
import type { KubeObject } from '../../api/types';
import { isPodReady } from '../common/pods';

/**
 * Seeded random churn of pods (labels, readiness, deletion) and Services;
 * after every settle the EndpointSlices, the Endpoints and kube-proxy must
 * agree with the pods, and the same seed must give the same objects.
 */
function churn(seed: number, steps: number): { c: NetCluster; snapshot: string } {
  const rng = new Rng(seed, 'fuzz');
  const c = new NetCluster(seed);
  c.addPod('default', 'client', { labels: { role: 'client' }, image: 'busybox' });
  const apps = ['a', 'b', 'c'];
  for (const app of apps) c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${app}`, namespace: 'default' }, spec: { selector: { app }, ports: [{ port: 80 }] } });
  let n = 0;
  for (let step = 0; step < steps; step++) {
    const pods = c.store.peekList('pods', 'default').filter((p) => p.metadata.name !== 'client');
    const op = rng.int(4);
    if (op === 0 || pods.length === 0) c.addPod('default', `p${n++}`, { labels: { app: rng.pick(apps) }, node: rng.pick(['node01', 'node02']), ready: rng.int(2) === 0 });
    else if (op === 1) {
      const p = rng.pick(pods);
      c.setPodStatus('default', p.metadata.name!, p.status.podIP, rng.int(2) === 0);
    }
    else if (op === 2) {
      const p = rng.pick(pods);
      c.store.update({ ...p, metadata: { ...p.metadata, labels: { app: rng.pick(apps) } } });
      c.settle();
    } else {
      c.store.delete(c.registry.forResource('pods', '')!, 'default', rng.pick(pods).metadata.name!, { gracePeriodSeconds: 0 });
      c.settle();
    }
    for (const app of apps) checkService(c, `svc-${app}`, app);
  }
  const snapshot = JSON.stringify(
    ['endpoints', 'endpointslices.discovery.k8s.io'].flatMap((r) => c.store.peekList(r, 'default').map((o) => ({ ...o, metadata: { ...o.metadata, uid: '', resourceVersion: '' } }))),
  );
  return { c, snapshot };
}

function checkService(c: NetCluster, svc: string, app: string): void {
  const pods = c.store.peekList('pods', 'default').filter((p) => p.metadata.labels?.app === app && p.status?.podIP);
  const ready = pods.filter(isPodReady).map((p) => p.status.podIP as string).sort();
  const all = pods.map((p) => p.status.podIP as string).sort();
  const slices = c.store.peekList('endpointslices.discovery.k8s.io', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);
  const eps = slices.flatMap((s) => s.endpoints ?? []);
  expect(eps.map((e: { addresses: string[] }) => e.addresses[0]).sort()).toEqual(all);
  expect(eps.filter((e: { conditions: { ready: boolean } }) => e.conditions.ready).map((e: { addresses: string[] }) => e.addresses[0]).sort()).toEqual(ready);
  const ep = c.store.peek('endpoints', 'default', svc) as KubeObject;
  const addrs = (ep.subsets ?? []).flatMap((s: { addresses?: { ip: string }[] }) => s.addresses ?? []).map((a: { ip: string }) => a.ip).sort();
  expect(addrs).toEqual(ready);
  const clusterIP = c.store.peek('services', 'default', svc)!.spec.clusterIP;
  const r = c.net.tcpConnect({ from: { namespace: 'default', pod: 'client' }, host: clusterIP, port: 80, timeoutMs: 100 });
  if (ready.length) expect(r.ok && ready.includes(r.trace.path.find((h) => h.kind === 'pod')!.ip!)).toBe(true);
  else expect(r.ok ? 'ok' : r.error).toBe('connection refused');
}

describe('endpoints under random churn', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: slices, Endpoints and kube-proxy follow the pods`, () => {
      churn(seed, 40);
    });
  }

  it('is deterministic for a seed', () => {
    expect(churn(9, 25).snapshot).toBe(churn(9, 25).snapshot);
  });
});
