import { describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';

// Expected strings recorded from real kubectl v1.32.4 (config commands run offline against a kubeconfig file).
describe('kubectl config', () => {
  it('view redacts data and sorts entries; get-contexts; use-context; set-context', async () => {
    const h = new FakeHost();
    h.kubeconfig.clusters[0].certificateAuthorityData = 'QUJD';
    h.kubeconfig.users[0].clientCertificateData = 'QUJD';
    h.kubeconfig.users[0].clientKeyData = 'QUJD';
    h.kubeconfig.contexts.push({ name: 'dev', cluster: 'kubernetes', user: 'kubernetes-admin', namespace: 'dev' });
    expect((await h.run('kubectl config view')).stdout).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://controlplane:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    namespace: dev
    user: kubernetes-admin
  name: dev
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`);
    expect((await h.run('kubectl config get-contexts')).stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n' +
      '          dev                           kubernetes   kubernetes-admin   dev\n' +
      '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n');
    expect(await h.run('kubectl config use-context nope')).toEqual({ stdout: '', stderr: 'error: no context exists with the name: "nope"\n', code: 1 });
    expect((await h.run('kubectl config set-context --current --namespace=x')).stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect((await h.run('kubectl config use-context dev')).stdout).toBe('Switched to context "dev".\n');
    expect((await h.run('kubectl config current-context')).stdout).toBe('dev\n');
    expect((await h.run('kubectl config get-clusters')).stdout).toBe('NAME\nkubernetes\n');
  });
});

describe('kubectl version', () => {
  it('prints client, kustomize and server versions', async () => {
    const h = new FakeHost();
    expect((await h.run('kubectl version')).stdout).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n');
  });
});
