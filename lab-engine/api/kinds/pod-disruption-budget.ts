import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const podDisruptionBudget: KindDef = {
  ...discoveryFor('poddisruptionbudgets', 'policy'),
  hasGeneration: true,
};
