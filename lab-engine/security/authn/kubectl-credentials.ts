import type { UserInfo } from '../../api/types';
import type { KubeconfigUser, KubectlHost, ParsedFlags } from '../../kubectl/types';
import { KubectlError } from '../../kubectl/types';
import { decodeBase64 } from '../../api/base64';
import { forbidden } from '../../api/errors';
import { CLUSTER_PKI_SERVICE, type ClusterPki } from '../pki/cluster-pki';
import { authenticate, type Credentials } from './kubeconfig-identity';

/** The built-in admin entry of hosts without a PKI (tests' fake hosts): no credentials, the admin's name. */
const LEGACY_ADMIN = 'kubernetes-admin';

export type KubectlIdentity = { admin: true } | { admin: false; user: UserInfo };

/**
 * Who a kubectl command is, as client-go builds its transport and the API
 * server authenticates it: the context's user (or --user), its credentials
 * from the kubeconfig or the --client-certificate/--client-key/--token flags,
 * files read relative to the kubeconfig's directory. The kubeadm admin
 * identities (kubernetes-admin in kubeadm:cluster-admins, system:masters)
 * map to the engine's cluster-admin client.
 */
export function kubectlIdentity(host: KubectlHost, flags: ParsedFlags, kubeconfigDir: string): KubectlIdentity {
  const kc = host.kubeconfig;
  const contextName = str(flags, 'context') || kc.currentContext;
  const userName = str(flags, 'user') || kc.contexts.find((c) => c.name === contextName)?.user || '';
  const entry = kc.users.find((u) => u.name === userName);
  const creds = credentials(host, flags, entry, userName, kubeconfigDir);
  if (creds.certificatePem === undefined && !creds.token && (userName === LEGACY_ADMIN || kc.users.length === 0)) return { admin: true };
  const pki = (host.cluster.services.get(CLUSTER_PKI_SERVICE) as { get(): ClusterPki } | undefined)?.get();
  const result = authenticate(creds, {
    clock: host.cluster.clock,
    pki,
    serviceAccount: (ns, name) => host.cluster.store.peek('serviceaccounts', ns, name),
  });
  if (!result.ok && result.kind === 'client') throw new KubectlError(result.message);
  if (!result.ok) throw new KubectlError('You must be logged in to the server (Unauthorized)');
  const { user } = result;
  if (user.groups.includes('system:masters') || (user.username === LEGACY_ADMIN && user.groups.includes('kubeadm:cluster-admins'))) return { admin: true };
  return { admin: false, user };
}

function str(flags: ParsedFlags, name: string): string {
  const v = flags.values[name];
  return typeof v === 'string' ? v : '';
}

const decodedCache = new Map<string, string>();

/** The kubeconfig's embedded PEM, decoded once per text (every kubectl command reads it; ~0.5 ms each). */
function decodedData(data: string): string {
  let pem = decodedCache.get(data);
  if (pem === undefined) {
    pem = decodeBase64(data);
    if (decodedCache.size >= 64) decodedCache.clear();
    decodedCache.set(data, pem);
  }
  return pem;
}

/** clientcmd's validation errors (`Error in configuration: …`) and file reads. */
function credentials(host: KubectlHost, flags: ParsedFlags, entry: KubeconfigUser | undefined, userName: string, dir: string): Credentials {
  const read = (p: string) => host.readFile(p.startsWith('/') ? p : `${dir.replace(/\/$/, '')}/${p}`);
  const certFile = str(flags, 'client-certificate') || entry?.clientCertificate;
  const keyFile = str(flags, 'client-key') || entry?.clientKey;
  const certData = str(flags, 'client-certificate') ? undefined : entry?.clientCertificateData;
  const keyData = str(flags, 'client-key') ? undefined : entry?.clientKeyData;
  const token = str(flags, 'token') || entry?.token || (entry?.tokenFile ? read(entry.tokenFile)?.trim() : undefined);
  const problems: string[] = [];
  const hasCert = !!(certFile || certData);
  const hasKey = !!(keyFile || keyData);
  if (hasCert && !hasKey) problems.push(`client-key-data or client-key must be specified for ${userName} to use the clientCert authentication method.`);
  if (hasKey && !hasCert) problems.push(`client-cert-data or client-cert must be specified for ${userName} to use the clientCert authentication method.`);
  const certPem = certData ? decodedData(certData) : certFile ? read(certFile) : undefined;
  const keyPem = keyData ? decodedData(keyData) : keyFile ? read(keyFile) : undefined;
  const abs = (p: string) => (p.startsWith('/') ? p : `${dir.replace(/\/$/, '')}/${p}`);
  if (certFile && !certData && certPem === undefined) problems.push(`unable to read client-cert ${abs(certFile)} for ${userName} due to open ${abs(certFile)}: no such file or directory`);
  if (keyFile && !keyData && keyPem === undefined) problems.push(`unable to read client-key ${abs(keyFile)} for ${userName} due to open ${abs(keyFile)}: no such file or directory`);
  if (problems.length > 0) throw new KubectlError(`Error in configuration: \n${problems.map((p) => `* ${p}`).join("\n")}\n`, 1, true);
  return { certificatePem: hasCert ? certPem : undefined, keyPem, token: token || undefined };
}

/**
 * The impersonation filter (apiserver/pkg/endpoints/filters/impersonation.go):
 * `--as` needs the `impersonate` verb on users (or serviceaccounts) for the
 * authenticated user; the admin identities hold it through cluster-admin.
 */
export function checkImpersonation(host: KubectlHost, user: UserInfo, as: string): void {
  const rbac = host.cluster.services.get('rbac') as { canI(u: UserInfo, a: object): { allowed: boolean } } | undefined;
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(as);
  const attrs = sa ? { verb: 'impersonate', group: '', resource: 'serviceaccounts', namespace: sa[1], name: sa[2] } : { verb: 'impersonate', group: '', resource: 'users', name: as };
  if (!rbac || rbac.canI(user, attrs).allowed) return;
  const where = sa ? ` in the namespace "${sa[1]}"` : ' at the cluster scope';
  throw forbidden({ group: '', resource: attrs.resource }, sa ? sa[2] : as, `User "${user.username}" cannot impersonate resource "${attrs.resource}" in API group ""${where}`);
}
