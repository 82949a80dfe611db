import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const persistentVolumeClaim: KindDef = {
  ...discoveryFor('persistentvolumeclaims', ''),
  hasGeneration: false,
};
