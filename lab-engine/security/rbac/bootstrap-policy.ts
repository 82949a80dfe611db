import type { KubeObject } from '../../api/types';

/**
 * The cluster roles and bindings kube-apiserver creates on boot
 * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go, v1.32, default
 * feature gates) plus what kubeadm and CoreDNS add on a kubeadm cluster.
 * Controller roles (system:controller:*) are not included yet.
 */
interface Rule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const EVENTS_WRITE = ['create', 'patch', 'update'];

const r = (apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): Rule =>
  resourceNames ? { apiGroups, resourceNames, resources, verbs } : { apiGroups, resources, verbs };
const url = (nonResourceURLs: string[], verbs: string[]): Rule => ({ nonResourceURLs, verbs });

const AGGREGATE_TO_ADMIN: Rule[] = [
  r(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  r(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], RW),
];

const AGGREGATE_TO_EDIT: Rule[] = [
  r([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
  r([''], ['serviceaccounts'], ['impersonate']),
  r([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
  r([''], ['pods/eviction'], ['create']),
  r([''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], WRITE),
  r([''], ['serviceaccounts/token'], ['create']),
  r(['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], WRITE),
  r(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
  r(['batch'], ['cronjobs', 'jobs'], WRITE),
  r(['extensions'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale'], WRITE),
  r(['policy'], ['poddisruptionbudgets'], WRITE),
  r(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
  r(['coordination.k8s.io'], ['leases'], RW),
];

const AGGREGATE_TO_VIEW: Rule[] = [
  r([''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], READ),
  r([''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'], READ),
  r([''], ['namespaces'], READ),
  r(['discovery.k8s.io'], ['endpointslices'], READ),
  r(['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], READ),
  r(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
  r(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
  r(['extensions'], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale'], READ),
  r(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
  r(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
];

const SYSTEM_ROLES: [string, Rule[]][] = [
  ['system:auth-delegator', [r(['authentication.k8s.io'], ['tokenreviews'], ['create']), r(['authorization.k8s.io'], ['subjectaccessreviews'], ['create'])]],
  ['system:basic-user', [r(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']), r(['authentication.k8s.io'], ['selfsubjectreviews'], ['create'])]],
  ['system:certificates.k8s.io:certificatesigningrequests:nodeclient', [r(['certificates.k8s.io'], ['certificatesigningrequests/nodeclient'], ['create'])]],
  ['system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [r(['certificates.k8s.io'], ['certificatesigningrequests/selfnodeclient'], ['create'])]],
  ['system:certificates.k8s.io:kube-apiserver-client-approver', [r(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/kube-apiserver-client'])]],
  ['system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', [r(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/kube-apiserver-client-kubelet'])]],
  ['system:certificates.k8s.io:kubelet-serving-approver', [r(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/kubelet-serving'])]],
  ['system:certificates.k8s.io:legacy-unknown-approver', [r(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/legacy-unknown'])]],
  ['system:discovery', [url(['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], ['get'])]],
  ['system:heapster', [r([''], ['events', 'namespaces', 'nodes', 'pods'], READ), r(['extensions'], ['deployments'], READ)]],
  ['system:kube-aggregator', [r([''], ['endpoints', 'services'], READ)]],
  [
    'system:kube-controller-manager',
    [
      r(['', 'events.k8s.io'], ['events'], EVENTS_WRITE),
      r(['coordination.k8s.io'], ['leases'], ['create']),
      r(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-controller-manager']),
      r([''], ['secrets', 'serviceaccounts'], ['create']),
      r([''], ['secrets'], ['delete']),
      r([''], ['configmaps', 'namespaces', 'secrets', 'serviceaccounts'], ['get']),
      r([''], ['secrets', 'serviceaccounts'], ['update']),
      r(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      r(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      r(['*'], ['*'], ['list', 'watch']),
      r([''], ['serviceaccounts/token'], ['create']),
    ],
  ],
  ['system:kube-dns', [r([''], ['endpoints', 'services'], ['list', 'watch'])]],
  [
    'system:kube-scheduler',
    [
      r(['', 'events.k8s.io'], ['events'], EVENTS_WRITE),
      r(['coordination.k8s.io'], ['leases'], ['create']),
      r(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-scheduler']),
      r([''], ['nodes'], READ),
      r([''], ['pods'], ['delete', 'get', 'list', 'watch']),
      r([''], ['bindings', 'pods/binding'], ['create']),
      r([''], ['pods/status'], ['patch', 'update']),
      r([''], ['replicationcontrollers', 'services'], READ),
      r(['apps', 'extensions'], ['replicasets'], READ),
      r(['apps'], ['statefulsets'], READ),
      r(['policy'], ['poddisruptionbudgets'], READ),
      r([''], ['persistentvolumeclaims', 'persistentvolumes'], READ),
      r(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      r(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      r(['storage.k8s.io'], ['csinodes'], READ),
      r([''], ['namespaces'], READ),
      r(['storage.k8s.io'], ['csidrivers'], READ),
      r(['storage.k8s.io'], ['csistoragecapacities'], READ),
    ],
  ],
  ['system:kubelet-api-admin', [r([''], ['nodes'], READ), r([''], ['nodes'], ['proxy']), r([''], ['nodes/log', 'nodes/metrics', 'nodes/proxy', 'nodes/stats'], ['*'])]],
  ['system:monitoring', [url(['/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*'], ['get'])]],
  [
    'system:node',
    [
      r(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      r(['authorization.k8s.io'], ['localsubjectaccessreviews', 'subjectaccessreviews'], ['create']),
      r([''], ['services'], READ),
      r([''], ['nodes'], ['create', 'get', 'list', 'watch']),
      r([''], ['nodes/status'], ['patch', 'update']),
      r([''], ['nodes'], ['patch', 'update']),
      r([''], ['events'], EVENTS_WRITE),
      r([''], ['pods'], READ),
      r([''], ['pods'], ['create', 'delete']),
      r([''], ['pods/status'], ['patch', 'update']),
      r([''], ['pods/eviction'], ['create']),
      r([''], ['configmaps', 'secrets'], READ),
      r([''], ['persistentvolumeclaims', 'persistentvolumes'], ['get']),
      r([''], ['endpoints'], ['get']),
      r(['certificates.k8s.io'], ['certificatesigningrequests'], ['create', 'get', 'list', 'watch']),
      r(['coordination.k8s.io'], ['leases'], ['create', 'delete', 'get', 'patch', 'update']),
      r(['storage.k8s.io'], ['volumeattachments'], ['get']),
      r([''], ['serviceaccounts/token'], ['create']),
      r([''], ['persistentvolumeclaims/status'], ['get', 'patch', 'update']),
      r(['storage.k8s.io'], ['csidrivers'], READ),
      r(['storage.k8s.io'], ['csinodes'], ['create', 'delete', 'get', 'patch', 'update']),
      r(['node.k8s.io'], ['runtimeclasses'], READ),
    ],
  ],
  ['system:node-bootstrapper', [r(['certificates.k8s.io'], ['certificatesigningrequests'], ['create', 'get', 'list', 'watch'])]],
  ['system:node-problem-detector', [r([''], ['nodes'], ['get']), r([''], ['nodes/status'], ['patch']), r(['', 'events.k8s.io'], ['events'], EVENTS_WRITE)]],
  ['system:node-proxier', [r([''], ['endpoints', 'services'], ['list', 'watch']), r([''], ['nodes'], READ), r(['', 'events.k8s.io'], ['events'], EVENTS_WRITE), r(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch'])]],
  [
    'system:persistent-volume-provisioner',
    [
      r([''], ['persistentvolumes'], ['create', 'delete', 'get', 'list', 'watch']),
      r([''], ['persistentvolumeclaims'], ['get', 'list', 'update', 'watch']),
      r(['storage.k8s.io'], ['storageclasses'], READ),
      r([''], ['events'], ['watch']),
      r(['', 'events.k8s.io'], ['events'], EVENTS_WRITE),
    ],
  ],
  ['system:public-info-viewer', [url(['/healthz', '/livez', '/readyz', '/version', '/version/'], ['get'])]],
  ['system:service-account-issuer-discovery', [url(['/.well-known/openid-configuration', '/openid/v1/jwks'], ['get'])]],
  ['system:volume-scheduler', [r([''], ['persistentvolumes'], ['get', 'list', 'patch', 'update', 'watch']), r(['storage.k8s.io'], ['storageclasses'], READ), r([''], ['persistentvolumeclaims'], ['get', 'list', 'patch', 'update', 'watch'])]],
];

const BOOTSTRAP_META = { annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' }, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } };

function clusterRole(name: string, rules: Rule[], extraLabels: Record<string, string> = {}, aggregateFrom?: string): KubeObject {
  const obj: KubeObject = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name, annotations: { ...BOOTSTRAP_META.annotations }, labels: { ...BOOTSTRAP_META.labels, ...extraLabels } },
    rules,
  };
  if (aggregateFrom) obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${aggregateFrom}`]: 'true' } }] };
  return obj;
}

export function bootstrapClusterRoles(): KubeObject[] {
  return [
    clusterRole('admin', [], {}, 'admin'),
    clusterRole('cluster-admin', [r(['*'], ['*'], ['*']), url(['*'], ['*'])]),
    clusterRole('edit', [], { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, 'edit'),
    clusterRole('system:aggregate-to-admin', AGGREGATE_TO_ADMIN, { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }),
    clusterRole('system:aggregate-to-edit', AGGREGATE_TO_EDIT, { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }),
    clusterRole('system:aggregate-to-view', AGGREGATE_TO_VIEW, { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }),
    ...SYSTEM_ROLES.map(([name, rules]) => clusterRole(name, rules)),
    clusterRole('view', [], { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, 'view'),
    // kubeadm and the CoreDNS addon (no bootstrapping labels).
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'kubeadm:get-nodes' }, rules: [r([''], ['nodes'], ['get'])] },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'system:coredns' },
      rules: [r([''], ['endpoints', 'services', 'pods', 'namespaces'], ['list', 'watch']), r(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch'])],
    },
  ];
}

type Subject = { kind: 'User' | 'Group' | 'ServiceAccount'; name: string; namespace?: string };
const user = (name: string): Subject => ({ kind: 'User', name });
const group = (name: string): Subject => ({ kind: 'Group', name });
const sa = (namespace: string, name: string): Subject => ({ kind: 'ServiceAccount', name, namespace });

function binding(name: string, role: string, subjects: Subject[] | undefined, bootstrap = true): KubeObject {
  const obj: KubeObject = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: bootstrap ? { name, annotations: { ...BOOTSTRAP_META.annotations }, labels: { ...BOOTSTRAP_META.labels } } : { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  };
  if (subjects) obj.subjects = subjects.map((s) => (s.kind === 'ServiceAccount' ? { ...s } : { apiGroup: 'rbac.authorization.k8s.io', ...s }));
  return obj;
}

export function bootstrapClusterRoleBindings(): KubeObject[] {
  return [
    binding('cluster-admin', 'cluster-admin', [group('system:masters')]),
    binding('kubeadm:cluster-admins', 'cluster-admin', [group('kubeadm:cluster-admins')], false),
    binding('kubeadm:get-nodes', 'kubeadm:get-nodes', [group('system:bootstrappers:kubeadm:default-node-token')], false),
    binding('kubeadm:kubelet-bootstrap', 'system:node-bootstrapper', [group('system:bootstrappers:kubeadm:default-node-token')], false),
    binding('kubeadm:node-autoapprove-bootstrap', 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', [group('system:bootstrappers:kubeadm:default-node-token')], false),
    binding('kubeadm:node-autoapprove-certificate-rotation', 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [group('system:nodes')], false),
    binding('kubeadm:node-proxier', 'system:node-proxier', [sa('kube-system', 'kube-proxy')], false),
    binding('system:basic-user', 'system:basic-user', [group('system:authenticated')]),
    binding('system:coredns', 'system:coredns', [sa('kube-system', 'coredns')], false),
    binding('system:discovery', 'system:discovery', [group('system:authenticated')]),
    binding('system:kube-controller-manager', 'system:kube-controller-manager', [user('system:kube-controller-manager')]),
    binding('system:kube-dns', 'system:kube-dns', [sa('kube-system', 'kube-dns')]),
    binding('system:kube-scheduler', 'system:kube-scheduler', [user('system:kube-scheduler')]),
    binding('system:monitoring', 'system:monitoring', [group('system:monitoring')]),
    binding('system:node', 'system:node', undefined),
    binding('system:node-proxier', 'system:node-proxier', [user('system:kube-proxy')]),
    binding('system:public-info-viewer', 'system:public-info-viewer', [group('system:authenticated'), group('system:unauthenticated')]),
    binding('system:service-account-issuer-discovery', 'system:service-account-issuer-discovery', [group('system:serviceaccounts')]),
    binding('system:volume-scheduler', 'system:volume-scheduler', [user('system:kube-scheduler')]),
  ];
}
