import type { ClusterContext } from '../../sim/context';
import type { Rng } from '../../base/rng';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/**
 * The root-CA publisher (pkg/controller/certificates/rootcacertpublisher):
 * a `kube-root-ca.crt` ConfigMap with the cluster CA in every active
 * namespace, restored when deleted or edited.
 */
export function installRootCaPublisher(ctx: ClusterContext): void {
  const pem = fakeCaPem(ctx.rng.derive('root-ca'));
  const queue = ctx.runtime.register({ name: 'root-ca-cert-publisher', reconcile: (ns) => ensureConfigMap(ctx, ns, pem) });
  ctx.store.watch((ev) => queue.add(ev.object.metadata.name ?? ''), { resource: 'namespaces' });
  ctx.store.watch((ev) => {
    if (ev.object.metadata.name === ROOT_CA_CONFIGMAP && ev.type !== 'ADDED') queue.add(ev.object.metadata.namespace ?? '');
  }, { resource: 'configmaps' });
  for (const ns of ctx.store.peekList('namespaces')) queue.add(ns.metadata.name ?? '');
}

function ensureConfigMap(ctx: ClusterContext, namespace: string, pem: string): void {
  const ns = ctx.store.peek('namespaces', '', namespace);
  if (!ns || ns.status?.phase !== 'Active' || ns.metadata.deletionTimestamp) return;
  const data = { 'ca.crt': pem };
  const annotations = { 'kubernetes.io/description': ROOT_CA_DESCRIPTION };
  const user = { username: 'system:serviceaccount:kube-system:root-ca-cert-publisher', groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'] };
  const existing = ctx.store.peek('configmaps', namespace, ROOT_CA_CONFIGMAP);
  if (!existing) {
    ctx.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations }, data }, { user });
    return;
  }
  if (existing.data?.['ca.crt'] === pem && existing.metadata.annotations?.['kubernetes.io/description'] === ROOT_CA_DESCRIPTION) return;
  const next = { ...existing, data, metadata: { ...existing.metadata, annotations: { ...(existing.metadata.annotations ?? {}), ...annotations } } };
  ctx.store.update(next, { user });
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A PEM block shaped like kubeadm's CA certificate (random body from the lab seed; not a parseable certificate). */
export function fakeCaPem(rng: Rng): string {
  let body = 'MIIDBTCCAe2gAwIBAgII';
  while (body.length < 1044) body += B64[rng.int(64)];
  body += '==';
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
