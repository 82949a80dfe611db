import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const cronJob: KindDef = {
  ...discoveryFor('cronjobs', 'batch'),
  hasGeneration: true,
};
