import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const endpoints: KindDef = {
  ...discoveryFor('endpoints', ''),
  hasGeneration: false,
};
