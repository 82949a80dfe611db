import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const networkPolicy: KindDef = {
  ...discoveryFor('networkpolicies', 'networking.k8s.io'),
  hasGeneration: true,
};
