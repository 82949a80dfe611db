import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const role: KindDef = {
  ...discoveryFor('roles', 'rbac.authorization.k8s.io'),
  hasGeneration: false,
};
