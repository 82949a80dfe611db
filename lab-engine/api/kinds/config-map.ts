import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { validateConfigKeys, validateImmutableData } from '../validation/config-data';
import { strictFields } from '../openapi/strict';

/** ConfigMap: ValidateConfigMap / ValidateConfigMapUpdate (no defaults). */
export const configMap: KindDef = {
  ...discoveryFor('configmaps', ''),
  hasGeneration: false,
  validate: (obj) => validateConfigKeys(obj, ['data', 'binaryData']),
  validateUpdate: (obj, old) => validateImmutableData(obj, old, ['data', 'binaryData']),
  unknownFields: (obj) => strictFields('', 'v1', 'ConfigMap', obj),
};
