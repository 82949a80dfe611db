import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const node: KindDef = {
  ...discoveryFor('nodes', ''),
  hasGeneration: false,
};
