import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { strictFields } from '../openapi/strict';

/** ServiceAccount: no defaults; the default one per namespace comes from security/serviceaccounts. */
export const serviceAccount: KindDef = {
  ...discoveryFor('serviceaccounts', ''),
  hasGeneration: false,
  unknownFields: (obj) => strictFields('', 'v1', 'ServiceAccount', obj),
};
