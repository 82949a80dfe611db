import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { defaultSubjects, validateBinding, validateRbacName, validateRoleRefUpdate } from '../../security/rbac/validation';
import { strictFields } from '../openapi/strict';

/** rbac.authorization.k8s.io/v1 RoleBinding: SetDefaults_RoleBinding/Subject + ValidateRoleBinding(Update). */
export const roleBinding: KindDef = {
  ...discoveryFor('rolebindings', 'rbac.authorization.k8s.io'),
  hasGeneration: false,
  defaults: defaultSubjects,
  validate: (obj) => [...validateRbacName(obj), ...validateBinding(obj, true)],
  validateUpdate: validateRoleRefUpdate,
  unknownFields: (obj) => strictFields('rbac.authorization.k8s.io', 'v1', 'RoleBinding', obj),
};
