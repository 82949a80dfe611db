import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const namespace: KindDef = {
  ...discoveryFor('namespaces', ''),
  hasGeneration: false,
};
