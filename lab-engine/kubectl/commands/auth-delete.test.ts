import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { FakeHost } from '../testing/fake-host';

/** Recorded from kubectl v1.32.4 (tests/kubectl-oracle, scenario "policy rbac and quotas"). */
describe('auth can-i on cluster-scoped resources, delete without read access', () => {
  it('warns that a cluster-scoped resource is not namespace scoped (unless -A)', async () => {
    const h = new FakeHost(createCluster({ seed: 1, topology: 'default' }));
    expect(await h.run('auth can-i list nodes')).toEqual({ stdout: 'yes\n', stderr: "Warning: resource 'nodes' is not namespace scoped\n\n", code: 0 });
    expect((await h.run('auth can-i list clusterroles')).stderr).toBe("Warning: resource 'clusterroles' is not namespace scoped in group 'rbac.authorization.k8s.io'\n\n");
    expect((await h.run('auth can-i list nodes -A')).stderr).toBe('');
  });

  it('reports the DELETE being forbidden, not a GET', async () => {
    const h = new FakeHost(createCluster({ seed: 1, topology: 'default' }));
    await h.run('create deployment web --image=nginx:1.27');
    const r = await h.run('delete deploy web --as=bob');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (Forbidden): deployments.apps "web" is forbidden: User "bob" cannot delete resource "deployments" in API group "apps" in the namespace "default"\n');
  });
});
