import { describe, expect, it } from 'vitest';
import { FakeHost } from '../../testing/fake-host';

describe('create role / clusterrole verbs (create_role.go Validate, kubectl v1.32.4)', () => {
  it('warns about a non-standard resource verb and still creates the role', async () => {
    const h = new FakeHost();
    const r = await h.run('create role bad --verb=fly --resource=pods');
    // recorded from the real kubectl (tests/kubectl-oracle, scenario "create generators")
    expect(r).toEqual({ stdout: 'role.rbac.authorization.k8s.io/bad created\n', stderr: "Warning: 'fly' is not a standard resource verb\n", code: 0 });
    expect(h.cluster.store.peek('roles.rbac.authorization.k8s.io', 'default', 'bad')?.rules).toEqual([{ verbs: ['fly'], apiGroups: [''], resources: ['pods'] }]);
  });

  it('refuses a verb a non-resource URL cannot take', async () => {
    const h = new FakeHost();
    const r = await h.run('create clusterrole c --verb=list --non-resource-url=/logs');
    expect(r).toEqual({ stdout: '', stderr: "error: invalid verb: 'list' for nonResourceURL\n", code: 1 });
  });
});
