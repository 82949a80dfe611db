import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const controllerRevision: KindDef = {
  ...discoveryFor('controllerrevisions', 'apps'),
  hasGeneration: false,
};
