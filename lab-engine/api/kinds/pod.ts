import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const pod: KindDef = {
  ...discoveryFor('pods', ''),
  hasGeneration: false,
};
