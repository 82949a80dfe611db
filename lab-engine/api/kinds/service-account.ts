import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const serviceAccount: KindDef = {
  ...discoveryFor('serviceaccounts', ''),
  hasGeneration: false,
};
