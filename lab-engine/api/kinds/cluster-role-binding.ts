import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const clusterRoleBinding: KindDef = {
  ...discoveryFor('clusterrolebindings', 'rbac.authorization.k8s.io'),
  hasGeneration: false,
};
