import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const event: KindDef = {
  ...discoveryFor('events', ''),
  hasGeneration: false,
};
