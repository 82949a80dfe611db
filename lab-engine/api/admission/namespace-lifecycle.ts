import type { AdmissionPlugin } from '../store';
import { forbidden, notFound } from '../errors';

/** Namespaces that may never be deleted (plugin/pkg/admission/namespace/lifecycle: immortalNamespaces). */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/**
 * NamespaceLifecycle (plugin/pkg/admission/namespace/lifecycle/admission.go):
 * no creates into a missing namespace (`namespaces "x" not found`) or one
 * being terminated; the immortal namespaces may not be deleted.
 */
export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  admit(op, def, obj, _old, ctx) {
    if (!def.namespaced || op !== 'CREATE') return;
    const nsName = obj.metadata.namespace ?? 'default';
    const ns = ctx.peek('namespaces', '', nsName);
    if (!ns) throw notFound({ group: '', resource: 'namespaces' }, nsName);
    if (ns.status?.phase === 'Terminating') {
      throw forbidden(def, obj.metadata.name || obj.metadata.generateName || '', `unable to create new content in namespace ${nsName} because it is being terminated`);
    }
  },
  // The store runs only the validating phase for DELETE.
  validate(op, def, obj) {
    if (op === 'DELETE' && def.group === '' && def.kind === 'Namespace' && IMMORTAL_NAMESPACES.includes(obj.metadata.name ?? '')) {
      throw forbidden(def, obj.metadata.name ?? '', 'this namespace may not be deleted');
    }
  },
};
