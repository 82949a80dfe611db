import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const statefulSet: KindDef = {
  ...discoveryFor('statefulsets', 'apps'),
  hasGeneration: true,
};
