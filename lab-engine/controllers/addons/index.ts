import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../../api/types';
import { isApiError } from '../../api/errors';
import { corednsConfigMap, corednsDeployment } from './coredns';
import { kubeProxyConfigMap, kubeProxyDaemonSet } from './kube-proxy';
import { flannelObjects } from './flannel';

/**
 * The objects `kubeadm init` (CoreDNS, kube-proxy) and `kubectl apply -f
 * kube-flannel.yml` leave in an exam cluster. Created through the API at
 * boot, so the controllers, scheduler and kubelets bring their pods up the
 * normal way. Objects another subsystem already created are left alone.
 */
export function addonObjects(): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-proxy', namespace: 'kube-system' } },
    corednsConfigMap(),
    kubeProxyConfigMap(),
    corednsDeployment(),
    kubeProxyDaemonSet(),
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-flannel', labels: { 'k8s-app': 'flannel', 'pod-security.kubernetes.io/enforce': 'privileged' } } },
    ...flannelObjects(),
  ];
}

export function installAddons(ctx: ClusterContext): void {
  for (const obj of addonObjects()) {
    try {
      ctx.store.create(obj);
    } catch (e) {
      if (!isApiError(e) || e.code !== 409) throw e;
    }
  }
}
