import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { validateRbacName, validateRules } from '../../security/rbac/validation';
import { field } from '../field-errors';
import { strictFields } from '../openapi/strict';

/**
 * rbac.authorization.k8s.io/v1 ClusterRole: ValidateClusterRole. Roles with an
 * aggregationRule get their rules from security/rbac/aggregation.ts.
 */
export const clusterRole: KindDef = {
  ...discoveryFor('clusterroles', 'rbac.authorization.k8s.io'),
  hasGeneration: false,
  validate(obj) {
    const errs = [...validateRbacName(obj), ...validateRules(obj.rules, false)];
    const sels = obj.aggregationRule?.clusterRoleSelectors;
    if (obj.aggregationRule && (!Array.isArray(sels) || sels.length === 0)) {
      errs.push(field.required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    }
    return errs;
  },
  unknownFields: (obj) => strictFields('rbac.authorization.k8s.io', 'v1', 'ClusterRole', obj),
};
