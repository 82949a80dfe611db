import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const persistentVolume: KindDef = {
  ...discoveryFor('persistentvolumes', ''),
  hasGeneration: false,
};
