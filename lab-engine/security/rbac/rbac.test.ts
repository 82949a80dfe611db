import { describe, expect, it } from 'vitest';
import { newApiServer } from '../../api/testing/api-server';
import { ApiError } from '../../api/errors';
import type { RbacService } from './index';
import { impersonatedUser, serviceAccountUser } from './users';

function setup() {
  const s = newApiServer();
  const api = s.api();
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
  for (const role of ['view', 'edit', 'admin']) {
    api.create({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: `${role}-binding`, namespace: 'dev' },
      roleRef: { kind: 'ClusterRole', name: role },
      subjects: [{ kind: 'User', name: role === 'view' ? 'viewer' : role === 'edit' ? 'editor' : 'nsadmin' }],
    });
  }
  s.settle();
  return { s, rbac: s.services.get('rbac') as RbacService };
}

// [verb, resource (with optional /subresource), group] → expected for viewer, editor, nsadmin, kubernetes-admin
// Expected answers follow bootstrappolicy/policy.go's view/edit/admin/cluster-admin as a v1.32 cluster answers
// `kubectl auth can-i <verb> <resource> -n dev --as <user>`.
const MATRIX: [string, string, string, boolean[]][] = [
  ['get', 'pods', '', [true, true, true, true]],
  ['list', 'pods/log', '', [true, true, true, true]],
  ['create', 'pods', '', [false, true, true, true]],
  ['create', 'pods/exec', '', [false, true, true, true]],
  ['create', 'pods/eviction', '', [false, true, true, true]],
  ['list', 'secrets', '', [false, true, true, true]],
  ['delete', 'secrets', '', [false, true, true, true]],
  ['update', 'deployments/scale', 'apps', [false, true, true, true]],
  ['get', 'deployments/status', 'apps', [true, true, true, true]],
  ['create', 'cronjobs', 'batch', [false, true, true, true]],
  ['watch', 'horizontalpodautoscalers', 'autoscaling', [true, true, true, true]],
  ['create', 'networkpolicies', 'networking.k8s.io', [false, true, true, true]],
  ['impersonate', 'serviceaccounts', '', [false, true, true, true]],
  ['create', 'serviceaccounts/token', '', [false, true, true, true]],
  ['get', 'roles', 'rbac.authorization.k8s.io', [false, false, true, true]],
  ['create', 'rolebindings', 'rbac.authorization.k8s.io', [false, false, true, true]],
  ['create', 'localsubjectaccessreviews', 'authorization.k8s.io', [false, false, true, true]],
  ['create', 'resourcequotas', '', [false, false, false, true]],
  ['get', 'resourcequotas', '', [true, true, true, true]],
  ['delete', 'namespaces', '', [false, false, false, true]],
  ['create', 'leases', 'coordination.k8s.io', [false, true, true, true]],
  ['list', 'nodes', '', [false, false, false, true]],
  ['create', 'selfsubjectaccessreviews', 'authorization.k8s.io', [true, true, true, true]],
];

describe('auth can-i matrix for the default roles bound in a namespace', () => {
  const users = ['viewer', 'editor', 'nsadmin'];
  it.each(MATRIX)('%s %s (%s)', (verb, res, group, want) => {
    const { rbac, s } = setup();
    const [resource, subresource] = res.split('/');
    const got = users.map((u) => rbac.canI(impersonatedUser(u), { verb, group, resource, subresource, namespace: 'dev' }).allowed);
    // kubernetes-admin is in kubeadm:cluster-admins → cluster-admin.
    const admin = s.api().user;
    got.push(rbac.canI(admin, { verb, group, resource, subresource, namespace: 'dev' }).allowed);
    expect(got).toEqual(want);
  });

  it('gives the RBAC reason and nothing outside the namespace', () => {
    const { rbac } = setup();
    const viewer = impersonatedUser('viewer');
    expect(rbac.canI(viewer, { verb: 'get', group: '', resource: 'pods', namespace: 'dev' })).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "view-binding/dev" of ClusterRole "view" to User "viewer"',
    });
    expect(rbac.canI(viewer, { verb: 'get', group: '', resource: 'pods', namespace: 'default' })).toEqual({ allowed: false });
    expect(rbac.canI(viewer, { verb: 'get', path: '/healthz' }).allowed).toBe(true);
    expect(rbac.canI(viewer, { verb: 'get', path: '/metrics' }).allowed).toBe(false);
  });
});

describe('service accounts and Forbidden errors', () => {
  it('gives a service account read-only access to pods', () => {
    const { s, rbac } = setup();
    const api = s.api();
    api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'reader', namespace: 'dev' } });
    api.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'pod-reader', namespace: 'dev' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }] });
    api.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'read-pods', namespace: 'dev' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' }, subjects: [{ kind: 'ServiceAccount', name: 'reader' }] });
    const sa = serviceAccountUser('dev', 'reader');
    expect(rbac.canI(sa, { verb: 'list', group: '', resource: 'pods', namespace: 'dev' }).reason).toBe(
      'RBAC: allowed by RoleBinding "read-pods/dev" of Role "pod-reader" to ServiceAccount "reader/dev"',
    );
    const podDef = s.registry.forResource('pods', '')!;
    expect(s.api(sa).list(podDef, { namespace: 'dev' }).items).toEqual([]);
    try {
      s.api(sa).delete(s.registry.forResource('configmaps', '')!, 'dev', 'kube-root-ca.crt');
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).status.message).toBe(
        'configmaps "kube-root-ca.crt" is forbidden: User "system:serviceaccount:dev:reader" cannot delete resource "configmaps" in API group "" in the namespace "dev"',
      );
      expect((e as ApiError).code).toBe(403);
    }
    expect(rbac.rulesFor(sa, 'dev').resourceRules).toContainEqual({ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] });
  });

  it('reports bindings to missing roles in the denial reason', () => {
    const { s, rbac } = setup();
    s.api().create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'dangling', namespace: 'dev' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'gone' }, subjects: [{ kind: 'User', name: 'bob', apiGroup: 'rbac.authorization.k8s.io' }] });
    expect(rbac.canI(impersonatedUser('bob'), { verb: 'get', group: '', resource: 'pods', namespace: 'dev' })).toEqual({
      allowed: false,
      reason: 'RBAC: role.rbac.authorization.k8s.io "gone" not found',
    });
  });
});

describe('bootstrap policy and aggregation', () => {
  it('aggregates view into edit into admin', () => {
    const { s } = setup();
    const cr = (n: string) => s.store.peek('clusterroles.rbac.authorization.k8s.io', '', n)!;
    expect(cr('view').rules).toEqual(cr('system:aggregate-to-view').rules);
    expect(cr('edit').rules).toEqual([...cr('system:aggregate-to-edit').rules, ...cr('view').rules]);
    expect(cr('admin').rules).toEqual([...cr('edit').rules, ...cr('system:aggregate-to-admin').rules]);
    // A custom role labelled aggregate-to-view joins view (and so edit and admin).
    s.api().create({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'crontab-viewer', labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } },
      rules: [{ apiGroups: ['stable.example.com'], resources: ['crontabs'], verbs: ['get'] }],
    });
    s.settle();
    expect(cr('admin').rules).toContainEqual({ apiGroups: ['stable.example.com'], resources: ['crontabs'], verbs: ['get'] });
  });

  it('validates rules and bindings with the apiserver messages', () => {
    const { s } = setup();
    try {
      s.api().create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'bad', namespace: 'dev' }, rules: [{ resources: ['pods'], verbs: [] }, { nonResourceURLs: ['/healthz'], verbs: ['get'] }] });
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).status.message).toBe(
        'Role.rbac.authorization.k8s.io "bad" is invalid: [rules[0].verbs: Required value: verbs must contain at least one value, rules[0].apiGroups: Required value: resource rules must supply at least one api group, rules[1].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs]',
      );
    }
    const rb = s.api().get(s.registry.forResource('rolebindings', 'rbac.authorization.k8s.io')!, 'dev', 'view-binding');
    expect(rb.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'viewer' }]);
    expect(rb.roleRef.apiGroup).toBe('rbac.authorization.k8s.io');
    try {
      s.api().update({ ...rb, roleRef: { ...rb.roleRef, name: 'edit' } });
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).status.message).toBe(
        'RoleBinding.rbac.authorization.k8s.io "view-binding" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
      );
    }
  });
});

describe('namespaced bootstrap policy', () => {
  it('has the kube-system and kube-public roles a kubeadm cluster shows', () => {
    const { s } = setup();
    const roles = s.store.peekList('roles.rbac.authorization.k8s.io').map((r) => `${r.metadata.namespace}/${r.metadata.name}`);
    expect(roles).toEqual([
      'kube-public/kubeadm:bootstrap-signer-clusterinfo',
      'kube-public/system:controller:bootstrap-signer',
      'kube-system/extension-apiserver-authentication-reader',
      'kube-system/kube-proxy',
      'kube-system/kubeadm:kubelet-config',
      'kube-system/kubeadm:nodes-kubeadm-config',
      'kube-system/system::leader-locking-kube-controller-manager',
      'kube-system/system::leader-locking-kube-scheduler',
      'kube-system/system:controller:bootstrap-signer',
      'kube-system/system:controller:cloud-provider',
      'kube-system/system:controller:token-cleaner',
    ]);
    expect(s.store.peekList('rolebindings.rbac.authorization.k8s.io', 'kube-system')).toHaveLength(9);
  });
});

describe('privilege escalation prevention', () => {
  it('refuses roles and bindings granting what the user does not hold', () => {
    const { s } = setup();
    const editor = s.api(impersonatedUser('editor'));
    // edit does not include roles: first the authorizer says no.
    expect(() => editor.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r', namespace: 'dev' }, rules: [] })).toThrowError(
      'roles.rbac.authorization.k8s.io is forbidden: User "editor" cannot create resource "roles" in API group "rbac.authorization.k8s.io" in the namespace "dev"',
    );
    const admin = s.api(impersonatedUser('nsadmin'));
    admin.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'pods', namespace: 'dev' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] });
    try {
      admin.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'nodes', namespace: 'dev' }, rules: [{ apiGroups: [''], resources: ['nodes', 'pods'], verbs: ['list'] }] });
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).status.message).toBe(
        'roles.rbac.authorization.k8s.io "nodes" is forbidden: user "nsadmin" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["nodes"], Verbs:["list"]}',
      );
    }
    expect(() =>
      admin.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'ca', namespace: 'dev' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ kind: 'User', name: 'x' }] }),
    ).toThrowError(/is attempting to grant RBAC permissions not currently held:\n\{APIGroups:\["\*"\], Resources:\["\*"\], Verbs:\["\*"\]\}/);
    // Binding view in its own namespace is fine: nsadmin holds every rule of view there.
    expect(admin.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'v', namespace: 'dev' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'User', name: 'x' }] }).metadata.name).toBe('v');
  });
});
