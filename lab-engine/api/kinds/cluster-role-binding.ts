import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { defaultSubjects, validateBinding, validateRbacName, validateRoleRefUpdate } from '../../security/rbac/validation';
import { strictFields } from '../openapi/strict';

/** rbac.authorization.k8s.io/v1 ClusterRoleBinding: roleRef must be a ClusterRole; ServiceAccount subjects need a namespace. */
export const clusterRoleBinding: KindDef = {
  ...discoveryFor('clusterrolebindings', 'rbac.authorization.k8s.io'),
  hasGeneration: false,
  defaults: defaultSubjects,
  validate: (obj) => [...validateRbacName(obj), ...validateBinding(obj, false)],
  validateUpdate: validateRoleRefUpdate,
  unknownFields: (obj) => strictFields('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', obj),
};
