import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const lease: KindDef = {
  ...discoveryFor('leases', 'coordination.k8s.io'),
  hasGeneration: false,
};
