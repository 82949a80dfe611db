import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const endpointSlice: KindDef = {
  ...discoveryFor('endpointslices', 'discovery.k8s.io'),
  hasGeneration: false,
};
