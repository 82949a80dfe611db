import type { Store } from '../store';

/** The namespaces kube-apiserver's system-namespaces controller keeps (pkg/controlplane/controller/systemnamespaces). */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** Creates the system namespaces at cluster start, as the API server does on boot. */
export function bootstrapNamespaces(store: Store): void {
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    if (store.peek('namespaces', '', name)) continue;
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
}
