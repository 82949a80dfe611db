import { describe, expect, it } from 'vitest';
import { createSession, replay } from '../../index';
import { humanBytes } from './etcdctl';

const CERTS = '--endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';

describe('etcd backup and restore', () => {
  it('saves, reports status, restores to a new data dir, and the manifest edit brings the snapshot back; replayable', async () => {
    const s = await createSession({ seed: 21 });
    await s.run('kubectl create deployment before --image=nginx:1.27');
    const saved = await s.run(`ETCDCTL_API=3 etcdctl ${CERTS} snapshot save /opt/backup.db`);
    expect(saved.stdout).toBe('Snapshot saved at /opt/backup.db\n');
    expect(saved.exitCode).toBe(0);
    expect(saved.stderr.split('\n')[0]).toMatch(/^\{"level":"info","ts":"[^"]+","caller":"snapshot\/v3_snapshot.go:65","msg":"created temporary db file","path":"\/opt\/backup.db.part"\}$/);

    const st = await s.run('etcdctl snapshot status /opt/backup.db -w table');
    expect(st.stderr).toBe('Deprecated: Use `etcdutl snapshot status` instead.\n\n');
    expect(st.stdout).toMatch(/^\+----------\+----------\+------------\+------------\+\n\|   HASH   \| REVISION \| TOTAL KEYS \| TOTAL SIZE \|\n/);

    await s.run('kubectl create deployment after --image=nginx:1.27 && kubectl delete deployment before');
    expect((await s.run('etcdctl snapshot restore /opt/backup.db --data-dir /var/lib/etcd')).stderr).toContain('Error: data-dir "/var/lib/etcd" not empty or could not be read\n');
    const restored = await s.run('etcdutl snapshot restore /opt/backup.db --data-dir /var/lib/etcd-backup');
    expect(restored.exitCode).toBe(0);
    expect((await s.run('ls /var/lib/etcd-backup')).stdout).toBe('member\n');
    // Nothing changes until etcd runs on the restored directory.
    expect((await s.run('kubectl get deploy -o name')).stdout).toBe('deployment.apps/after\n');
    await s.run("sed -i 's#path: /var/lib/etcd$#path: /var/lib/etcd-backup#' /etc/kubernetes/manifests/etcd.yaml");
    expect((await s.run('grep -A1 "hostPath:" /etc/kubernetes/manifests/etcd.yaml | grep etcd-backup')).exitCode).toBe(0);
    expect((await s.run('kubectl get deploy -o name')).stdout).toBe('deployment.apps/before\n');

    const again = await replay(s.transcript());
    expect(again.stateHash()).toBe(s.stateHash());
  }, 120_000);

  it('restores when the manifest points at the directory first and the snapshot arrives there later', async () => {
    const s = await createSession({ seed: 22 });
    await s.run('kubectl create deployment before --image=nginx:1.27');
    await s.run(`etcdctl ${CERTS} snapshot save /opt/backup.db`);
    await s.run('kubectl delete deployment before');
    await s.run("sed -i 's#path: /var/lib/etcd$#path: /var/lib/etcd-new#' /etc/kubernetes/manifests/etcd.yaml");
    // The manifest is unchanged from here on; the restore alone must bring the snapshot back.
    expect((await s.run('kubectl get deploy -o name')).stdout).toBe('');
    expect((await s.run('etcdutl snapshot restore /opt/backup.db --data-dir /var/lib/etcd-new')).exitCode).toBe(0);
    expect((await s.run('kubectl get deploy -o name')).stdout).toBe('deployment.apps/before\n');
  }, 120_000);

  it("answers wrong certificates with etcdctl's errors", async () => {
    const s = await createSession({ seed: 22 });
    const noCa = await s.run('etcdctl --endpoints=https://127.0.0.1:2379 --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key snapshot save /opt/x.db');
    expect(noCa.exitCode).toBe(1);
    expect(noCa.stderr).toContain('x509: certificate signed by unknown authority');
    expect(noCa.stderr.endsWith('Error: context deadline exceeded\n')).toBe(true);
    const wrongCa = await s.run('etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key snapshot save /opt/x.db');
    expect(wrongCa.stderr).toContain('certificate signed by unknown authority');
    const apiserverCert = await s.run('etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/apiserver.crt --key=/etc/kubernetes/pki/apiserver.key snapshot save /opt/x.db');
    expect(apiserverCert.stderr).toContain('remote error: tls: bad certificate');
    const missing = await s.run('etcdctl --cacert=/nope.crt snapshot save /opt/x.db');
    expect(missing.stderr).toBe('Error: open /nope.crt: no such file or directory\n');
    // /opt/cni is flannel's hostPath (kube-flannel-ds mounts /opt/cni/bin on every node's filesystem).
    expect((await s.run('ls /opt')).stdout).toBe('cni\n');
    // No --endpoints: the default 127.0.0.1:2379 with the TLS flags works, as on a kubeadm node.
    expect((await s.run('ETCDCTL_API=3 etcdctl --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key snapshot save /opt/y.db')).stdout).toBe('Snapshot saved at /opt/y.db\n');
    expect((await s.run('etcdctl --endpoints=http://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key snapshot save /opt/z.db')).stderr).toContain('error reading server preface: EOF');
    expect((await s.run('etcdctl snapshot save /opt/plain.db')).stderr).toContain('error reading server preface: EOF');
    expect((await s.run('etcdctl version')).stdout).toBe('etcdctl version: 3.5.16\nAPI version: 3.5\n');
  }, 60_000);

  it('sizes as go-humanize', () => {
    expect(humanBytes(5_700_000)).toBe('5.7 MB');
    expect(humanBytes(20_480)).toBe('20 kB');
  });
});
