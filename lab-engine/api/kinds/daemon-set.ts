import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const daemonSet: KindDef = {
  ...discoveryFor('daemonsets', 'apps'),
  hasGeneration: true,
};
