import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const ingressClass: KindDef = {
  ...discoveryFor('ingressclasses', 'networking.k8s.io'),
  hasGeneration: true,
};
