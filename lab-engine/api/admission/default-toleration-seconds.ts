import type { AdmissionPlugin } from '../store';
import type { Json } from '../types';

/**
 * DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds):
 * pods that don't tolerate not-ready / unreachable NoExecute taints get a
 * 300 s toleration for each, so the node lifecycle controller evicts them
 * five minutes after their node goes away.
 */
export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(op, def, obj) {
    if ((op !== 'CREATE' && op !== 'UPDATE') || def.group !== '' || def.resource !== 'pods') return;
    const spec = (obj.spec ??= {});
    const tolerations: Json[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
    const added: Json[] = [];
    for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
      const tolerated = tolerations.some((t) => (t?.key === key || !t?.key) && (t?.effect === 'NoExecute' || !t?.effect));
      if (!tolerated) added.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
    }
    if (added.length) spec.tolerations = [...tolerations, ...added];
  },
};
