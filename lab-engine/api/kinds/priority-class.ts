import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const priorityClass: KindDef = {
  ...discoveryFor('priorityclasses', 'scheduling.k8s.io'),
  hasGeneration: false,
};
