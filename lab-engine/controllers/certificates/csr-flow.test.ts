import { describe, expect, it } from 'vitest';
import { createSession, replay } from '../../index';

const APPLY_CSR = `cat <<EOF | kubectl apply -f -
apiVersion: certificates.k8s.io/v1
kind: CertificateSigningRequest
metadata:
  name: myuser
spec:
  request: $(cat myuser.csr | base64 | tr -d "\\n")
  signerName: kubernetes.io/kube-apiserver-client
  expirationSeconds: 86400
  usages:
  - client auth
EOF`;

describe('the CKA certificates flow (openssl → CSR → approve → kubeconfig user → RBAC)', () => {
  it('issues a certificate whose CN/O authenticate, forbidden until a RoleBinding, replayable', async () => {
    const s = await createSession({ seed: 11 });
    const run = async (line: string) => s.run(line);
    expect((await run('openssl genrsa -out myuser.key 2048')).exitCode).toBe(0);
    expect((await run('openssl req -new -key myuser.key -out myuser.csr -subj "/CN=myuser/O=dev"')).exitCode).toBe(0);
    expect((await run(APPLY_CSR)).stdout).toBe('certificatesigningrequest.certificates.k8s.io/myuser created\n');

    const pending = await run('kubectl get csr myuser');
    expect(pending.stdout).toMatch(/^NAME\s+AGE\s+SIGNERNAME\s+REQUESTOR\s+REQUESTEDDURATION\s+CONDITION\n/);
    expect(pending.stdout).toMatch(/myuser\s+\S+\s+kubernetes\.io\/kube-apiserver-client\s+kubernetes-admin\s+24h\s+Pending\n$/);

    expect((await run('kubectl certificate approve myuser')).stdout).toBe('certificatesigningrequest.certificates.k8s.io/myuser approved\n');
    expect((await run('kubectl get csr myuser')).stdout).toMatch(/Approved,Issued\n$/);
    expect((await run('kubectl certificate deny myuser')).stderr).toBe('error: certificate signing request "myuser" is already Approved\n');

    const describe = (await run('kubectl describe csr myuser')).stdout;
    expect(describe).toContain('Requesting User:     kubernetes-admin\n');
    expect(describe).toContain('Signer:              kubernetes.io/kube-apiserver-client\n');
    expect(describe).toContain('Status:              Approved,Issued\n');
    expect(describe).toMatch(/Subject:\n\s+Common Name:\s+myuser\n\s+Serial Number:\s+\n\s+Organization:\s+dev\n/);

    await run("kubectl get csr myuser -o jsonpath='{.status.certificate}' | base64 -d > myuser.crt");
    const subject = await run('openssl x509 -in myuser.crt -noout -subject -issuer');
    expect(subject.stdout).toBe('subject=CN = myuser, O = dev\nissuer=CN = kubernetes\n');

    expect((await run('kubectl config set-credentials myuser --client-key=myuser.key --client-certificate=myuser.crt --embed-certs=true')).stdout).toBe('User "myuser" set.\n');
    expect((await run('kubectl config set-context myuser --cluster=kubernetes --user=myuser')).stdout).toBe('Context "myuser" created.\n');
    const denied = await run('kubectl --context=myuser get pods');
    expect(denied.stderr).toBe('Error from server (Forbidden): pods is forbidden: User "myuser" cannot list resource "pods" in API group "" in the namespace "default"\n');
    expect((await run('kubectl auth can-i list pods --as myuser')).stdout).toBe('no\n');

    await run('kubectl create role developer --verb=create,get,list,update,delete --resource=pods');
    await run('kubectl create rolebinding developer-binding-myuser --role=developer --user=myuser');
    expect((await run('kubectl auth can-i list pods --as myuser')).stdout).toBe('yes\n');
    expect((await run('kubectl --context=myuser auth whoami')).stdout).toBe('ATTRIBUTE   VALUE\nUsername    myuser\nGroups      [dev system:authenticated]\n');
    expect((await run('kubectl certificate')).stdout).toBe(`Modify certificate resources.\n\nAvailable Commands:\n  approve       Approve a certificate signing request\n  deny          Deny a certificate signing request\n\nUsage:\n  kubectl certificate SUBCOMMAND [options]\n\nUse "kubectl certificate <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`);
    const allowed = await run('kubectl --context=myuser get pods');
    expect(allowed).toMatchObject({ exitCode: 0, stderr: 'No resources found in default namespace.\n' });
    // The group from O= counts too.
    await run('kubectl create clusterrolebinding dev-nodes --clusterrole=view --group=dev');
    expect((await run('kubectl --context=myuser get ns default -o name')).stdout).toBe('namespace/default\n');

    const again = await replay(s.transcript());
    expect(again.stateHash()).toBe(s.stateHash());
  }, 120_000);

  it('rejects a request that is not a CSR with the apiserver message, and a bad usage fails the signer', async () => {
    const s = await createSession({ seed: 12 });
    const bad = await s.run(`cat <<EOF | kubectl apply -f -
apiVersion: certificates.k8s.io/v1
kind: CertificateSigningRequest
metadata:
  name: junk
spec:
  request: aGVsbG8=
  signerName: kubernetes.io/kube-apiserver-client
  usages: [client auth]
EOF`);
    expect(bad.stderr).toBe('The CertificateSigningRequest "junk" is invalid: spec.request: Invalid value: []byte{0x68, 0x65, 0x6c, 0x6c, 0x6f}: PEM block type must be CERTIFICATE REQUEST\n');
    await s.run('openssl req -new -newkey rsa:2048 -nodes -keyout s.key -out s.csr -subj "/CN=srv"');
    await s.run(APPLY_CSR.replace(/myuser/g, 's').replace('client auth', 'server auth'));
    await s.run('kubectl certificate approve s');
    expect((await s.run('kubectl get csr s -o jsonpath={.status.conditions[1].message}')).stdout).toBe('invalid usage for client certificate: server auth');
    expect((await s.run('kubectl get csr s')).stdout).toMatch(/Approved,Failed\n$/);
  }, 120_000);

  it('a certificate from another CA is Unauthorized; a key that does not match is a TLS error', async () => {
    const s = await createSession({ seed: 13 });
    await s.run('openssl req -x509 -new -newkey rsa:2048 -nodes -keyout evil-ca.key -out evil-ca.crt -days 10 -subj "/CN=evil"');
    await s.run('openssl req -new -newkey rsa:2048 -nodes -keyout u.key -out u.csr -subj "/CN=u"');
    const signed = await s.run('openssl x509 -req -in u.csr -CA evil-ca.crt -CAkey evil-ca.key -CAcreateserial -out u.crt -days 10');
    expect(signed.stderr).toBe('Certificate request self-signature ok\nsubject=CN = u\n');
    await s.run('kubectl config set-credentials u --client-key=u.key --client-certificate=u.crt && kubectl config set-context u --cluster=kubernetes --user=u');
    expect((await s.run('kubectl --context u get pods')).stderr).toBe('error: You must be logged in to the server (Unauthorized)\n');
    // Signed by the real cluster CA with openssl: accepted.
    await s.run('openssl x509 -req -in u.csr -CA /etc/kubernetes/pki/ca.crt -CAkey /etc/kubernetes/pki/ca.key -CAcreateserial -out u.crt -days 10');
    expect((await s.run('kubectl --context u get pods')).stderr).toBe('Error from server (Forbidden): pods is forbidden: User "u" cannot list resource "pods" in API group "" in the namespace "default"\n');
    await s.run('kubectl config set-credentials u --client-key=evil-ca.key');
    expect((await s.run('kubectl --context u get pods')).stderr).toBe('error: tls: private key does not match public key\n');
  }, 120_000);
});
