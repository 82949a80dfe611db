import { describe, expect, it } from 'vitest';
import { createSession } from '../../index';

describe('kubeadm (subset)', () => {
  it('certs check-expiration reads the node files: 1-year leaves, 10-year CAs', async () => {
    const s = await createSession({ seed: 31 });
    const r = await s.run('kubeadm certs check-expiration');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('[check-expiration] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...');
    expect(lines[3]).toBe('CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED');
    expect(lines[4]).toMatch(/^admin\.conf {17}\w{3} \d\d, \d{4} \d\d:\d\d UTC   364d            ca                      no      $/);
    expect(lines.find((l) => l.startsWith('apiserver-etcd-client'))).toContain('etcd-ca');
    expect(lines.find((l) => l.startsWith('front-proxy-client'))).toContain('front-proxy-ca');
    expect(lines.find((l) => l.startsWith('ca '))).toMatch(/ 9y {14}no {6}$/);
    expect(r.stdout.endsWith('no      \n')).toBe(true);
  }, 60_000);

  it('certs renew all re-signs every certificate for a year from now; the renewed admin.conf still authenticates', async () => {
    const s = await createSession({ seed: 33 });
    await s.run('sleep 7200');
    const before = (await s.run('openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -enddate')).stdout;
    const r = await s.run('kubeadm certs renew all');
    expect(r.stdout.split('\n').slice(3, 5)).toEqual(['certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself renewed', 'certificate for serving the Kubernetes API renewed']);
    expect(r.stdout.endsWith('\nDone renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.\n')).toBe(true);
    const after = (await s.run('openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -enddate')).stdout;
    expect(after).not.toBe(before);
    expect((await s.run('kubeadm certs renew apiserver')).stdout).toContain('certificate for serving the Kubernetes API renewed\n');
    // The renewed admin.conf still authenticates as the admin.
    expect((await s.run('kubectl --kubeconfig /etc/kubernetes/admin.conf get ns default -o name')).stdout).toBe('namespace/default\n');
  }, 60_000);

  it('token create --print-join-command stores a bootstrap token Secret; token list shows it', async () => {
    const s = await createSession({ seed: 32 });
    const join = (await s.run('kubeadm token create --print-join-command')).stdout;
    expect(join).toMatch(/^kubeadm join \d+\.\d+\.\d+\.\d+:6443 --token ([a-z0-9]{6})\.[a-z0-9]{16} --discovery-token-ca-cert-hash sha256:[0-9a-f]{64} \n$/);
    const id = /--token ([a-z0-9]{6})\./.exec(join)![1];
    expect((await s.run(`kubectl -n kube-system get secret bootstrap-token-${id} -o jsonpath={.type}`)).stdout).toBe('bootstrap.kubernetes.io/token');
    const list = (await s.run('kubeadm token list')).stdout.split('\n');
    expect(list[0]).toBe('TOKEN                     TTL       EXPIRES                USAGES                   DESCRIPTION   EXTRA GROUPS');
    expect(list[1]).toMatch(new RegExp(`^${id}\\.[a-z0-9]{16}   23h       \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ   authentication,signing   <none>        system:bootstrappers:kubeadm:default-node-token$`));
    expect((await s.run('kubeadm version')).stdout).toContain('GitVersion:"v1.32.4"');
  }, 60_000);
});
