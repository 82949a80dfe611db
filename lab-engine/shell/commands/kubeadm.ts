import { defineCommand, type Command } from 'just-bash';
import forge from 'node-forge';
import type { Shell } from '../shell';
import type { Cluster } from '../../sim/cluster';
import type { Rng } from '../../base/rng';
import { decodeBase64, encodeBase64 } from '../../api/base64';
import { parseCertificate } from '../../security/pki/x509';
import { KUBEADM_CERTS, CLUSTER_PKI_SERVICE, type ClusterPki } from '../../security/pki/cluster-pki';
import { parseKubeconfig } from '../kubeconfig';
import { TabWriter } from '../../kubectl/printers/tabwriter';
import { shortHumanDuration } from '../../kubectl/util/duration';

/**
 * The kubeadm v1.32 subset a CKA task touches: `version`, `certs
 * check-expiration` (read from the node's files, as kubeadm does:
 * cmd/kubeadm/app/cmd/certs.go certTextPrinter), `token create
 * [--print-join-command] [--ttl]`, `token list` (bootstrap token Secrets in
 * kube-system, cmd/kubeadm/app/cmd/token.go). Other subcommands answer as an
 * unknown command would.
 */
type Result = { stdout: string; stderr: string; exitCode: number };

const VERSION = 'kubeadm version: &version.Info{Major:"1", Minor:"32", GitVersion:"v1.32.4", GitCommit:"59526cd4867447956156ae3a602fcbac10a2c335", GitTreeState:"clean", BuildDate:"2025-04-22T16:02:27Z", GoVersion:"go1.23.6", Compiler:"gc", Platform:"linux/amd64"}\n';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's "Jan 02, 2006 15:04 MST" in UTC. */
function expiresText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())}, ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

interface Env {
  read(path: string): string | undefined;
  write?(path: string, content: string): void;
  nowMs: number;
  cluster: Cluster;
  rng: Rng;
}

export function kubeadmCommand(shell: Shell, cluster: Cluster, rng: Rng): Command {
  return defineCommand('kubeadm', async (argv) => runKubeadm(argv, { read: (p) => shell.fs.readSync(p), write: (p, c) => shell.fs.writeFileSync(p, c), nowMs: shell.current().nowMs(), cluster, rng }));
}

export function runKubeadm(argv: string[], env: Env): Result {
  const words = argv.filter((a) => !a.startsWith('-'));
  const [a, b] = words;
  if (a === 'version') return { stdout: VERSION, stderr: '', exitCode: 0 };
  if (a === 'certs' && b === 'check-expiration') return checkExpiration(env);
  if (a === 'certs' && b === 'renew') return certsRenew(words[2], env);
  if (a === 'token' && b === 'create') return tokenCreate(argv, env);
  if (a === 'token' && (b === 'list' || b === undefined)) return tokenList(env);
  return { stdout: '', stderr: `unknown command "${[a, b].filter(Boolean).join(' ')}" for "kubeadm"\nTo see the stack trace of this error execute with --v=5 or higher\n`, exitCode: 1 };
}

/** The certificate a kubeadm name refers to: a file under /etc/kubernetes/pki or a kubeconfig's embedded client certificate. */
function certificateOf(name: string, pair: string, env: Env): forge.pki.Certificate | undefined {
  if (name.endsWith('.conf')) {
    const kc = parseKubeconfig(env.read(`/etc/kubernetes/${name}`) ?? '');
    const data = kc?.users[0]?.clientCertificateData;
    return data ? parseCertificate(decodeBase64(data)) : undefined;
  }
  const text = env.read(`/etc/kubernetes/pki/${pair}.crt`);
  return text === undefined ? undefined : parseCertificate(text);
}

function checkExpiration(env: Env): Result {
  const head = '[check-expiration] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n'
    + "[check-expiration] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.\n\n";
  const residual = (d: Date) => shortHumanDuration(Math.max(0, d.getTime() - env.nowMs));
  const certs = new TabWriter(10, 4, 3);
  certs.write('CERTIFICATE\tEXPIRES\tRESIDUAL TIME\tCERTIFICATE AUTHORITY\tEXTERNALLY MANAGED\n');
  for (const c of KUBEADM_CERTS) {
    const cert = certificateOf(c.name, c.pair, env);
    if (!cert) certs.write(`!MISSING! ${c.name}\t\t\t\t\n`);
    else certs.write(`${c.name}\t${expiresText(cert.validity.notAfter)}\t${residual(cert.validity.notAfter)}\t${c.ca}\t${'no'.padEnd(8)}\n`);
  }
  const cas = new TabWriter(10, 4, 3);
  cas.write('CERTIFICATE AUTHORITY\tEXPIRES\tRESIDUAL TIME\tEXTERNALLY MANAGED\n');
  for (const [name, file] of [['ca', 'ca'], ['etcd-ca', 'etcd/ca'], ['front-proxy-ca', 'front-proxy-ca']]) {
    const cert = certificateOf(name, file, env);
    if (!cert) cas.write(`!MISSING! ${name}\t\t\t\n`);
    else cas.write(`${name}\t${expiresText(cert.validity.notAfter)}\t${residual(cert.validity.notAfter)}\t${'no'.padEnd(8)}\n`);
  }
  return { stdout: `${head}${certs.flush()}\n${cas.flush()}`, stderr: '', exitCode: 0 };
}

/** certlist.go / kubeconfig renewal long names, in `renew all` order. */
const RENEWALS: [string, string, string][] = [
  ['admin.conf', 'admin.conf', 'certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself'],
  ['apiserver', 'apiserver', 'certificate for serving the Kubernetes API'],
  ['apiserver-etcd-client', 'apiserver-etcd-client', 'certificate the apiserver uses to access etcd'],
  ['apiserver-kubelet-client', 'apiserver-kubelet-client', 'certificate for the API server to connect to kubelet'],
  ['controller-manager.conf', 'controller-manager.conf', 'certificate embedded in the kubeconfig file for the controller manager to use'],
  ['etcd-healthcheck-client', 'etcd/healthcheck-client', 'certificate for liveness probes to healthcheck etcd'],
  ['etcd-peer', 'etcd/peer', 'certificate for etcd nodes to communicate with each other'],
  ['etcd-server', 'etcd/server', 'certificate for serving etcd'],
  ['front-proxy-client', 'front-proxy-client', 'certificate for the front proxy client'],
  ['scheduler.conf', 'scheduler.conf', 'certificate embedded in the kubeconfig file for the scheduler manager to use'],
  ['super-admin.conf', 'super-admin.conf', 'certificate embedded in the kubeconfig file for the super-admin'],
];

/**
 * `kubeadm certs renew NAME|all` (cmd/kubeadm/app/cmd/certs.go, phases/certs/renewal): re-signs with
 * the local CA keeping each key; kubeconfig files get new client-certificate-data.
 */
function certsRenew(what: string | undefined, env: Env): Result {
  const pki = (env.cluster.services.get(CLUSTER_PKI_SERVICE) as { get(): ClusterPki } | undefined)?.get();
  const chosen = what === 'all' ? RENEWALS : RENEWALS.filter(([n]) => n === what);
  if (!what || chosen.length === 0 || !pki || !env.write) {
    const usage = `Error: unknown command ${JSON.stringify(what ?? '')} for "kubeadm certs renew"\n`;
    return { stdout: '', stderr: what ? usage : 'Error: missing subcommand; "renew" is not meant to be run on its own\nTo see the stack trace of this error execute with --v=5 or higher\n', exitCode: 1 };
  }
  let out = '[renew] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n'
    + "[renew] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.\n\n";
  for (const [name, pair, long] of chosen) {
    let serial = (env.rng.int(7) + 1).toString(16);
    for (let i = 0; i < 15; i++) serial += env.rng.int(16).toString(16);
    const certPem = pki.renewed(pair, env.nowMs, serial);
    if (name.endsWith('.conf')) {
      const path = `/etc/kubernetes/${name}`;
      const text = env.read(path);
      const old = /client-certificate-data: (\S+)/.exec(text ?? '');
      if (!text || !old) continue;
      env.write(path, text.replace(old[1], encodeBase64(certPem)));
    } else env.write(`/etc/kubernetes/pki/${pair}.crt`, certPem);
    out += `${long} renewed\n`;
  }
  if (what === 'all') out += '\nDone renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.\n';
  return { stdout: out, stderr: '', exitCode: 0 };
}

const TOKEN_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomToken(rng: Rng): { id: string; secret: string } {
  const pick = (n: number) => Array.from({ length: n }, () => TOKEN_CHARS[rng.int(TOKEN_CHARS.length)]).join('');
  return { id: pick(6), secret: pick(16) };
}

/** `--discovery-token-ca-cert-hash`: sha256 of the cluster CA's SubjectPublicKeyInfo (pubkeypin.Hash). */
function caCertHash(env: Env): string {
  const pki = (env.cluster.services.get(CLUSTER_PKI_SERVICE) as { get(): ClusterPki } | undefined)?.get();
  const ca = pki ? pki.caCertificate() : undefined;
  if (!ca) return '';
  const der = forge.asn1.toDer(forge.pki.publicKeyToAsn1(ca.publicKey)).getBytes();
  return forge.md.sha256.create().update(der).digest().toHex();
}

function parseTtlMs(v: string | undefined): number | undefined {
  if (v === undefined) return 24 * 3600_000;
  const m = /^(\d+)(h|m|s)$/.exec(v) ?? (v === '0' ? ['0', '0', 's'] : null);
  if (!m) return undefined;
  return Number(m[1]) * (m[2] === 'h' ? 3600_000 : m[2] === 'm' ? 60_000 : 1000);
}

function flagValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}

function tokenCreate(argv: string[], env: Env): Result {
  const ttlMs = parseTtlMs(flagValue(argv, 'ttl'));
  if (ttlMs === undefined) return { stdout: '', stderr: `invalid argument "${flagValue(argv, 'ttl')}" for "--ttl" flag: time: invalid duration "${flagValue(argv, 'ttl')}"\n`, exitCode: 1 };
  const { id, secret } = randomToken(env.rng);
  const data: Record<string, string> = {
    'token-id': id, 'token-secret': secret, 'usage-bootstrap-authentication': 'true', 'usage-bootstrap-signing': 'true',
    'auth-extra-groups': 'system:bootstrappers:kubeadm:default-node-token',
  };
  if (ttlMs > 0) data.expiration = new Date(env.nowMs + ttlMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  env.cluster.api().create({
    apiVersion: 'v1', kind: 'Secret', type: 'bootstrap.kubernetes.io/token',
    metadata: { name: `bootstrap-token-${id}`, namespace: 'kube-system' }, stringData: data,
  } as never);
  env.cluster.step();
  const token = `${id}.${secret}`;
  if (!argv.includes('--print-join-command')) return { stdout: `${token}\n`, stderr: '', exitCode: 0 };
  const pki = (env.cluster.services.get(CLUSTER_PKI_SERVICE) as { get(): ClusterPki } | undefined)?.get();
  const endpoint = `${pki?.inputs.controlPlaneIP ?? '127.0.0.1'}:6443`;
  return { stdout: `kubeadm join ${endpoint} --token ${token} --discovery-token-ca-cert-hash sha256:${caCertHash(env)} \n`, stderr: '', exitCode: 0 };
}

function tokenList(env: Env): Result {
  const secrets = env.cluster.store.peekList('secrets', 'kube-system').filter((s) => s.type === 'bootstrap.kubernetes.io/token');
  const w = new TabWriter(10, 4, 3);
  w.write('TOKEN\tTTL\tEXPIRES\tUSAGES\tDESCRIPTION\tEXTRA GROUPS\n');
  for (const s of secrets) {
    const d = Object.fromEntries(Object.entries((s.data ?? {}) as Record<string, string>).map(([k, v]) => [k, decodeBase64(v)]));
    const expires = d.expiration;
    const expMs = expires ? Date.parse(expires) : undefined;
    if (expMs !== undefined && expMs <= env.nowMs) continue;
    const ttl = expMs === undefined ? '<forever>' : shortHumanDuration(expMs - env.nowMs);
    const usages = ['authentication', 'signing'].filter((u) => d[`usage-bootstrap-${u}`] === 'true').join(',');
    w.write(`${d['token-id']}.${d['token-secret']}\t${ttl}\t${expires ?? '<never>'}\t${usages}\t${d.description ?? '<none>'}\t${d['auth-extra-groups'] ?? ''}\n`);
  }
  return { stdout: w.flush(), stderr: '', exitCode: 0 };
}
