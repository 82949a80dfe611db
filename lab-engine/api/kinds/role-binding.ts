import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const roleBinding: KindDef = {
  ...discoveryFor('rolebindings', 'rbac.authorization.k8s.io'),
  hasGeneration: false,
};
