import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { R } from '../common/kinds';

describe('kubeadm add-ons', () => {
  it('boots coredns, kube-proxy and kube-flannel pods to Running on the default cluster', () => {
    const c = createCluster({ seed: 7 });
    c.settle();
    const pods = [...c.store.peekList(R.pods, 'kube-system'), ...c.store.peekList(R.pods, 'kube-flannel')];
    const summary = pods.map((p) => `${p.metadata.namespace}/${p.metadata.name!.replace(/-[a-z0-9]{5}$/, '-x').replace(/-[a-z0-9]{8,10}-x$/, '-h-x')} ${p.spec.nodeName} ${p.status?.phase}`).sort();
    expect(summary).toEqual(
      expect.arrayContaining([
        
        'kube-system/kube-proxy-x controlplane Running',
        'kube-system/kube-proxy-x node01 Running',
        'kube-system/kube-proxy-x node02 Running',
      ]),
    );
    // kube-flannel-ds: one pod per node (its install-cni-plugin init container runs `cp -f /flannel …`,
    // which needs /flannel in the kubelet's image catalogue to succeed).
    expect(c.store.peekList(R.pods, 'kube-flannel').map((p) => p.spec.nodeName).sort()).toEqual(['controlplane', 'node01', 'node02']);
    expect(summary.filter((x) => x.startsWith('kube-system/coredns-h-x') && x.endsWith('Running')).length).toBe(2);
    const coredns = c.store.peek(R.deployments, 'kube-system', 'coredns')!;
    expect(coredns.status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 });
    const proxy = c.store.peek(R.daemonSets, 'kube-system', 'kube-proxy')!;
    expect(proxy.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, numberAvailable: 3 });
  });
});
