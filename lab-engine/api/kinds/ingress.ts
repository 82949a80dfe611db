import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const ingress: KindDef = {
  ...discoveryFor('ingresses', 'networking.k8s.io'),
  hasGeneration: true,
};
