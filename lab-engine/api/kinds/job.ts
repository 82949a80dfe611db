import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const job: KindDef = {
  ...discoveryFor('jobs', 'batch'),
  hasGeneration: true,
};
