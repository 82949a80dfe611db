import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const secret: KindDef = {
  ...discoveryFor('secrets', ''),
  hasGeneration: false,
};
