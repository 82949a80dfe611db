import { parse, stringify } from 'yaml';
import type { KubeconfigState, KubeconfigUser } from '../kubectl/types';

/**
 * ~/.kube/config and /etc/kubernetes/admin.conf as kubeadm writes them, from
 * and to kubectl's KubeconfigState. The file is the source of truth between
 * commands: kubectl reads it (so hand edits count) and writes it back when a
 * `kubectl config …` command changed the state.
 */
export function defaultKubeconfig(server: string, caData: string, certData: string, keyData: string): KubeconfigState {
  return {
    currentContext: 'kubernetes-admin@kubernetes',
    contexts: [{ name: 'kubernetes-admin@kubernetes', cluster: 'kubernetes', user: 'kubernetes-admin' }],
    clusters: [{ name: 'kubernetes', server, certificateAuthorityData: caData }],
    users: [{ name: 'kubernetes-admin', clientCertificateData: certData, clientKeyData: keyData }],
  };
}

/** clientcmd v1.Cluster fields: [state key, kubeconfig key]. */
const CLUSTER_FIELDS: [string, string][] = [
  ['certificateAuthority', 'certificate-authority'], ['certificateAuthorityData', 'certificate-authority-data'],
  ['insecureSkipTlsVerify', 'insecure-skip-tls-verify'], ['proxyUrl', 'proxy-url'], ['server', 'server'], ['tlsServerName', 'tls-server-name'],
];

/** clientcmd v1.AuthInfo fields: [state key, kubeconfig key]. */
export const USER_FIELDS: [keyof KubeconfigUser, string][] = [
  ['clientCertificate', 'client-certificate'], ['clientCertificateData', 'client-certificate-data'], ['clientKey', 'client-key'],
  ['clientKeyData', 'client-key-data'], ['password', 'password'], ['token', 'token'], ['tokenFile', 'tokenFile'], ['username', 'username'],
];

function fieldsOut(o: Record<string, unknown>, fields: [string, string][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, key] of fields) {
    const v = o[k];
    if (v !== undefined && v !== '' && v !== false) out[key] = v;
  }
  return out;
}

/**
 * The file as clientcmd.Write serialises it: keys and entries sorted, sequences not
 * indented, empty lists as `null`, and a new context's empty cluster/user kept as `""`.
 */
export function renderKubeconfig(k: KubeconfigState): string {
  // clientcmd keeps the entries in maps; the v1 conversion writes them sorted by name.
  const list = <T extends { name: string }>(l: T[]) => (l.length ? [...l].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : null);
  const doc = {
    apiVersion: 'v1',
    clusters: list(k.clusters.map((c) => ({ cluster: { ...fieldsOut(c, CLUSTER_FIELDS), server: c.server ?? '' }, name: c.name }))),
    contexts: list(k.contexts.map((c) => ({ context: { cluster: c.cluster, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user }, name: c.name }))),
    'current-context': k.currentContext,
    kind: 'Config',
    preferences: {},
    users: list(k.users.map((u) => ({ name: u.name, user: fieldsOut(u as unknown as Record<string, unknown>, USER_FIELDS) }))),
  };
  return stringify(doc, { lineWidth: 0, indentSeq: false });
}

type Named<T> = { name?: string } & T;

function fieldsIn(o: Record<string, unknown> | undefined, fields: [string, string][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, key] of fields) {
    const v = o?.[key];
    if (typeof v === 'boolean') out[k] = v;
    else if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  }
  return out;
}

/** Parses a kubeconfig file; undefined when it is not one (kubectl then errors on its own). */
export function parseKubeconfig(text: string): KubeconfigState | undefined {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text, { maxAliasCount: 100 }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (text.trim() === '') return { currentContext: '', contexts: [], clusters: [], users: [] };
  if (!doc || typeof doc !== 'object') return undefined;
  const list = <T>(v: unknown): Named<T>[] => (Array.isArray(v) ? (v as Named<T>[]) : []);
  return {
    currentContext: String(doc['current-context'] ?? ''),
    contexts: list<{ context?: Record<string, string> }>(doc.contexts).map((c) => ({
      name: String(c.name ?? ''),
      cluster: String(c.context?.cluster ?? ''),
      user: String(c.context?.user ?? ''),
      ...(c.context?.namespace ? { namespace: String(c.context.namespace) } : {}),
    })),
    clusters: list<{ cluster?: Record<string, unknown> }>(doc.clusters).map((c) => ({
      name: String(c.name ?? ''),
      server: '',
      ...fieldsIn(c.cluster, CLUSTER_FIELDS),
    })),
    users: list<{ user?: Record<string, unknown> }>(doc.users).map((u) => ({ name: String(u.name ?? ''), ...fieldsIn(u.user, USER_FIELDS) })),
  };
}
