import { describe, expect, it } from 'vitest';
import { createSession } from './session';
import { buildNodeShell } from './environment';
import { clusterStateHash } from '../sim/cluster';

/**
 * The state hashes are built from caches (per-object hashes by identity, file
 * texts by value, node file layouts by their inputs). These tests pin that a
 * cached hash always equals one computed from scratch, and that the caches
 * never let one session see another's changes.
 */
describe('state hashes', () => {
  it('the cluster hash equals a hash of freshly copied objects (no stale per-object entry)', async () => {
    const s = await createSession({ seed: 5 });
    const fromScratch = () => clusterStateHash(s.cluster.clock.nowMs(), s.cluster.snapshot().map((o) => structuredClone(o)));
    expect(s.cluster.stateHash()).toBe(fromScratch());
    await s.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    await s.advanceTo(s.nowMs() + 20_000);
    await s.run('kubectl scale deployment web --replicas=3 && kubectl label node node01 disk=ssd');
    expect(s.cluster.stateHash()).toBe(fromScratch());
    const before = s.cluster.stateHash();
    await s.run('kubectl annotate deployment web note=x');
    expect(s.cluster.stateHash()).not.toBe(before);
    expect(s.cluster.stateHash()).toBe(fromScratch());
  });

  it('hashes() gives the session hash and the cluster hash together', async () => {
    const s = await createSession({ seed: 5, topology: 'bare' });
    await s.run('echo hi > /tmp/a');
    expect(s.hashes()).toEqual({ stateHash: s.stateHash(), clusterHash: s.cluster.stateHash() });
  });

  it('the session hash follows file contents, including texts seen before', async () => {
    const s = await createSession({ seed: 5, topology: 'bare' });
    const h0 = s.stateHash();
    // Saved from the editor (no history entry), so only the file differs between the three states.
    await s.saveFile('/tmp/a', 'one\n');
    const h1 = s.stateHash();
    await s.saveFile('/tmp/a', 'two\n');
    expect(s.stateHash()).not.toBe(h1);
    await s.saveFile('/tmp/a', 'one\n');
    expect(s.stateHash()).toBe(h1);
    expect(h1).not.toBe(h0);
  });
});

describe('node shells', () => {
  it('sessions with equal seeds get equal node files; a change in one stays in that session', async () => {
    const a = await createSession({ seed: 8 });
    const b = await createSession({ seed: 8 });
    const c = await createSession({ seed: 9 });
    const ca = a.env.nodeShells.get('controlplane')!.fs;
    const cb = b.env.nodeShells.get('controlplane')!.fs;
    expect(ca.snapshot()).toEqual(cb.snapshot());
    expect(ca.readSync('/etc/kubernetes/manifests/kube-apiserver.yaml')).toContain('--advertise-address=');
    // Seeded certificates differ between seeds.
    expect(c.env.nodeShells.get('controlplane')!.fs.readSync('/etc/kubernetes/pki/ca.crt')).not.toBe(ca.readSync('/etc/kubernetes/pki/ca.crt'));
    await a.run("sed -i 's/--secure-port=6443/--secure-port=7443/' /etc/kubernetes/manifests/kube-apiserver.yaml && kubectl config set-context --current --namespace=kube-system");
    expect(ca.readSync('/etc/kubernetes/manifests/kube-apiserver.yaml')).toContain('--secure-port=7443');
    expect(cb.readSync('/etc/kubernetes/manifests/kube-apiserver.yaml')).toContain('--secure-port=6443');
    const fresh = await createSession({ seed: 8 });
    expect(fresh.env.nodeShells.get('controlplane')!.fs.readSync('/etc/kubernetes/manifests/kube-apiserver.yaml')).toContain('--secure-port=6443');
    expect((await fresh.run('kubectl config view --minify -o jsonpath={..namespace}')).stdout).toBe('');
  });

  it('builds worker node shells only when they are first reached', async () => {
    const s = await createSession({ seed: 8 });
    expect([...s.env.nodeShells.keys()]).toEqual(['controlplane']);
    const n1 = buildNodeShell(s.env, 'node01');
    expect(buildNodeShell(s.env, 'node01')).toBe(n1);
    expect(n1.fs.readSync('/etc/hostname')).toBe('node01\n');
  });
});
