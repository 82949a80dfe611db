import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const service: KindDef = {
  ...discoveryFor('services', ''),
  hasGeneration: false,
};
