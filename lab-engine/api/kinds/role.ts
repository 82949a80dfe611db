import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { validateRbacName, validateRules } from '../../security/rbac/validation';
import { strictFields } from '../openapi/strict';

/** rbac.authorization.k8s.io/v1 Role: ValidateRole (rules; no non-resource URLs in a namespace). */
export const role: KindDef = {
  ...discoveryFor('roles', 'rbac.authorization.k8s.io'),
  hasGeneration: false,
  validate: (obj) => [...validateRbacName(obj), ...validateRules(obj.rules, true)],
  unknownFields: (obj) => strictFields('rbac.authorization.k8s.io', 'v1', 'Role', obj),
};
