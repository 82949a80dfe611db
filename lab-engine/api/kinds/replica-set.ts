import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const replicaSet: KindDef = {
  ...discoveryFor('replicasets', 'apps'),
  hasGeneration: true,
};
