import { parse, stringify } from 'yaml';
import type { KubeconfigState } from '../kubectl/types';

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

/** Field order as clientcmd's latest.Config marshals it. */
export function renderKubeconfig(k: KubeconfigState): string {
  const doc = {
    apiVersion: 'v1',
    clusters: k.clusters.map((c) => ({
      cluster: { ...(c.certificateAuthorityData ? { 'certificate-authority-data': c.certificateAuthorityData } : {}), server: c.server },
      name: c.name,
    })),
    contexts: k.contexts.map((c) => ({
      context: { cluster: c.cluster, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user },
      name: c.name,
    })),
    'current-context': k.currentContext,
    kind: 'Config',
    preferences: {},
    users: k.users.map((u) => ({
      name: u.name,
      user: {
        ...(u.clientCertificateData ? { 'client-certificate-data': u.clientCertificateData } : {}),
        ...(u.clientKeyData ? { 'client-key-data': u.clientKeyData } : {}),
        ...(u.token ? { token: u.token } : {}),
      },
    })),
  };
  return stringify(doc, { lineWidth: 0 });
}

type Named<T> = { name?: string } & T;

/** Parses a kubeconfig file; undefined when it is not one (kubectl then errors on its own). */
export function parseKubeconfig(text: string): KubeconfigState | undefined {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text, { maxAliasCount: 100 }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
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
    clusters: list<{ cluster?: Record<string, string> }>(doc.clusters).map((c) => ({
      name: String(c.name ?? ''),
      server: String(c.cluster?.server ?? ''),
      ...(c.cluster?.['certificate-authority-data'] ? { certificateAuthorityData: c.cluster['certificate-authority-data'] } : {}),
    })),
    users: list<{ user?: Record<string, string> }>(doc.users).map((u) => ({
      name: String(u.name ?? ''),
      ...(u.user?.['client-certificate-data'] ? { clientCertificateData: u.user['client-certificate-data'] } : {}),
      ...(u.user?.['client-key-data'] ? { clientKeyData: u.user['client-key-data'] } : {}),
      ...(u.user?.token ? { token: u.user.token } : {}),
    })),
  };
}
