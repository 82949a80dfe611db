import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const deployment: KindDef = {
  ...discoveryFor('deployments', 'apps'),
  hasGeneration: true,
};
