import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const clusterRole: KindDef = {
  ...discoveryFor('clusterroles', 'rbac.authorization.k8s.io'),
  hasGeneration: false,
};
