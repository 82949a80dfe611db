import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const storageClass: KindDef = {
  ...discoveryFor('storageclasses', 'storage.k8s.io'),
  hasGeneration: false,
};
