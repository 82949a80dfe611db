import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const limitRange: KindDef = {
  ...discoveryFor('limitranges', ''),
  hasGeneration: false,
};
