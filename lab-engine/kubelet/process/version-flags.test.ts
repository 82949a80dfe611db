import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { kubelet } from '../testing';

describe('control-plane binaries answer --version (kubectl exec … -- etcd --version)', () => {
  it('etcd prints its build information; Kubernetes components their version', () => {
    const c = createCluster({ seed: 1, topology: 'default' });
    c.settle();
    const k = kubelet(c);
    expect(k.exec('kube-system', 'etcd-controlplane', undefined, ['etcd', '--version'])).toMatchObject({
      stdout: 'etcd Version: 3.5.16\nGit SHA: f20bbad\nGo Version: go1.22.7\nGo OS/Arch: linux/amd64\n',
      exitCode: 0,
    });
    expect(k.exec('kube-system', 'kube-apiserver-controlplane', undefined, ['kube-apiserver', '--version'])).toMatchObject({ stdout: 'Kubernetes v1.32.4\n', exitCode: 0 });
  });
});
