import type { KubeObject } from '../../api/types';

/**
 * Namespaced bootstrap Roles and RoleBindings (bootstrappolicy/namespace_policy.go)
 * in kube-system and kube-public, plus the ones kubeadm creates there.
 */
const RBAC = 'rbac.authorization.k8s.io';
const META = { annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' }, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } };
const LOCKING = ['create', 'get', 'list', 'update', 'watch'];
const EVENTS = { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'patch', 'update'] };

type Rule = Record<string, string[]>;
const role = (namespace: string, name: string, rules: Rule[], bootstrap = true): KubeObject => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'Role',
  metadata: bootstrap ? { name, namespace, ...clone(META) } : { name, namespace },
  rules,
});

type Subject = { kind: string; name: string; namespace?: string };
const binding = (namespace: string, name: string, roleName: string, subjects: Subject[], bootstrap = true): KubeObject => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'RoleBinding',
  metadata: bootstrap ? { name, namespace, ...clone(META) } : { name, namespace },
  roleRef: { apiGroup: RBAC, kind: 'Role', name: roleName },
  subjects: subjects.map((s) => (s.kind === 'ServiceAccount' ? s : { apiGroup: RBAC, ...s })),
});

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}

const cmGet = (name: string): Rule => ({ apiGroups: [''], resourceNames: [name], resources: ['configmaps'], verbs: ['get'] });
const sa = (name: string): Subject => ({ kind: 'ServiceAccount', name, namespace: 'kube-system' });
const user = (name: string): Subject => ({ kind: 'User', name });
const group = (name: string): Subject => ({ kind: 'Group', name });
const BOOTSTRAPPERS = group('system:bootstrappers:kubeadm:default-node-token');

export function bootstrapRoles(): KubeObject[] {
  return [
    role('kube-public', 'system:controller:bootstrap-signer', [
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resourceNames: ['cluster-info'], resources: ['configmaps'], verbs: ['update'] },
      EVENTS,
    ]),
    role('kube-public', 'kubeadm:bootstrap-signer-clusterinfo', [cmGet('cluster-info')], false),
    role('kube-system', 'extension-apiserver-authentication-reader', [
      { apiGroups: [''], resourceNames: ['extension-apiserver-authentication'], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] },
    ]),
    role('kube-system', 'kube-proxy', [cmGet('kube-proxy')], false),
    role('kube-system', 'kubeadm:kubelet-config', [cmGet('kubelet-config')], false),
    role('kube-system', 'kubeadm:nodes-kubeadm-config', [cmGet('kubeadm-config')], false),
    ...['kube-controller-manager', 'kube-scheduler'].map((c) =>
      role('kube-system', `system::leader-locking-${c}`, [
        { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: LOCKING },
        { apiGroups: ['coordination.k8s.io'], resources: ['leasecandidates'], verbs: LOCKING },
      ]),
    ),
    role('kube-system', 'system:controller:bootstrap-signer', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] }]),
    role('kube-system', 'system:controller:cloud-provider', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['create', 'get', 'list', 'watch'] }]),
    role('kube-system', 'system:controller:token-cleaner', [{ apiGroups: [''], resources: ['secrets'], verbs: ['delete', 'get', 'list', 'watch'] }, EVENTS]),
  ];
}

export function bootstrapRoleBindings(): KubeObject[] {
  return [
    binding('kube-public', 'system:controller:bootstrap-signer', 'system:controller:bootstrap-signer', [sa('bootstrap-signer')]),
    binding('kube-public', 'kubeadm:bootstrap-signer-clusterinfo', 'kubeadm:bootstrap-signer-clusterinfo', [user('system:anonymous')], false),
    binding('kube-system', 'kube-proxy', 'kube-proxy', [BOOTSTRAPPERS], false),
    binding('kube-system', 'kubeadm:kubelet-config', 'kubeadm:kubelet-config', [group('system:nodes'), BOOTSTRAPPERS], false),
    binding('kube-system', 'kubeadm:nodes-kubeadm-config', 'kubeadm:nodes-kubeadm-config', [BOOTSTRAPPERS, group('system:nodes')], false),
    binding('kube-system', 'system::extension-apiserver-authentication-reader', 'extension-apiserver-authentication-reader', [user('system:kube-controller-manager'), user('system:kube-scheduler')]),
    binding('kube-system', 'system::leader-locking-kube-controller-manager', 'system::leader-locking-kube-controller-manager', [user('system:kube-controller-manager'), sa('kube-controller-manager'), sa('leader-election-controller')]),
    binding('kube-system', 'system::leader-locking-kube-scheduler', 'system::leader-locking-kube-scheduler', [user('system:kube-scheduler'), sa('kube-scheduler')]),
    binding('kube-system', 'system:controller:bootstrap-signer', 'system:controller:bootstrap-signer', [sa('bootstrap-signer')]),
    binding('kube-system', 'system:controller:cloud-provider', 'system:controller:cloud-provider', [sa('cloud-provider')]),
    binding('kube-system', 'system:controller:token-cleaner', 'system:controller:token-cleaner', [sa('token-cleaner')]),
  ];
}
