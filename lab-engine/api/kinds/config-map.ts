import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const configMap: KindDef = {
  ...discoveryFor('configmaps', ''),
  hasGeneration: false,
};
