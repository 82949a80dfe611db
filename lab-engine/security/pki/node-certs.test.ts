import { describe, expect, it } from 'vitest';
import { createSession } from '../../index';

describe("a node's kubelet certificates (killer.sh: issuer and extended key usage)", () => {
  it('client cert issued by the cluster CA for client auth; serving cert self-signed by <node>-ca@… for server auth', async () => {
    const s = await createSession({ seed: 41 });
    await s.run('ssh node01');
    const client = await s.run('openssl x509 -noout -text -in /var/lib/kubelet/pki/kubelet-client-current.pem | grep -E "Issuer|Subject:" ; openssl x509 -noout -text -in /var/lib/kubelet/pki/kubelet-client-current.pem | grep -A1 "Extended Key Usage"');
    expect(client.stdout).toBe('        Issuer: CN = kubernetes\n        Subject: O = system:nodes, CN = system:node:node01\n            X509v3 Extended Key Usage: \n                TLS Web Client Authentication\n');
    const serving = await s.run('openssl x509 -noout -issuer -subject -in /var/lib/kubelet/pki/kubelet.crt; openssl x509 -noout -text -in /var/lib/kubelet/pki/kubelet.crt | grep -A1 "Extended Key Usage"');
    expect(serving.stdout).toMatch(/^issuer=CN = node01-ca@\d+\nsubject=CN = node01@\d+\n {12}X509v3 Extended Key Usage: \n {16}TLS Web Server Authentication\n$/);
    await s.run('exit');
    // The client certificate is the one kubelet.conf embeds.
    expect((await s.run('ssh node01 grep -c client-certificate-data /etc/kubernetes/kubelet.conf')).stdout).toBe('1\n');
  }, 60_000);
});
