import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { FakeHost } from '../testing/fake-host';

/** Recorded from kubectl v1.32.4 (tests/kubectl-oracle, scenario "describe everything"). */
describe('describe and get: details recorded from the real kubectl', () => {
  it('names the namespace when nothing matches, even for cluster-scoped kinds', async () => {
    const h = new FakeHost();
    expect(await h.run('describe ingressclass')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', code: 0 });
  });

  it('prints each prefix match followed by a newline (DescribeMatchingResources)', async () => {
    const h = new FakeHost();
    await h.run('create configmap web-a --from-literal=a=b');
    const one = (await h.run('describe cm web-a')).stdout;
    expect((await h.run('describe cm web')).stdout).toBe(`${one}\n`);
  });

  it('searches a mirror pod\'s events by the static pod uid, any kind', async () => {
    const cluster = createCluster({ seed: 1, topology: 'default' });
    cluster.settle({ maxMs: 20_000 });
    const h = new FakeHost(cluster);
    const etcd = cluster.store.peek('pods', 'kube-system', 'etcd-controlplane')!;
    const mirror = etcd.metadata.annotations?.['kubernetes.io/config.mirror'];
    expect(mirror).toBeTruthy();
    const events = cluster.store.peekList('events', 'kube-system').filter((e) => e.involvedObject?.name === 'etcd-controlplane');
    const out = (await h.run('describe pod etcd-controlplane -n kube-system')).stdout;
    // the engine's kubelet names the mirror pod's uid, so no event carries the static pod's: none shown, as kubectl would
    if (events.every((e) => e.involvedObject?.uid !== mirror)) expect(out.endsWith('Events:            <none>\n')).toBe(true);
  });

  it('warns when a short name also matches a lower-priority group', async () => {
    const h = new FakeHost();
    expect((await h.run('get ev')).stderr).toBe('Warning: short name "ev" could also match lower priority resource events.events.k8s.io\nNo resources found in default namespace.\n');
  });
});
