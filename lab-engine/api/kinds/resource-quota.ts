import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const resourceQuota: KindDef = {
  ...discoveryFor('resourcequotas', ''),
  hasGeneration: false,
};
