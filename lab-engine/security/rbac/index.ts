import type { ClusterContext } from '../../sim/context';
import type { UserInfo } from '../../api/types';
import { RbacAuthorizer } from './authorizer';
import { installClusterRoleAggregation } from './aggregation';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from './bootstrap-policy';
import { bootstrapRoleBindings, bootstrapRoles } from './bootstrap-namespaced';
import { escalationCheck } from './escalation';
import { type AccessReviewStatus, canI, type RulesReviewStatus, rulesFor } from './review';
import type { RequestAttributes } from './rule-matching';

export { RbacAuthorizer } from './authorizer';
export { serviceAccountUser, impersonatedUser } from './users';
export type { AccessReviewStatus, RulesReviewStatus, RequestAttributes };

/** What kubectl (auth can-i, --as) and the UI use; registered as ctx.services.get('rbac'). */
export interface RbacService {
  authorizer: RbacAuthorizer;
  /** SelfSubjectAccessReview: `canI(user, {verb, group, resource, subresource, namespace, name})` or `{verb, path}`. */
  canI(user: UserInfo, attrs: RequestAttributes): AccessReviewStatus;
  /** SelfSubjectRulesReview.status for `kubectl auth can-i --list [-n ns]`. */
  rulesFor(user: UserInfo, namespace: string): RulesReviewStatus;
}

/** Bootstrap policy, the aggregation controller and the authorizer. */
export function installRbac(ctx: ClusterContext): RbacService {
  for (const obj of [...bootstrapClusterRoles(), ...bootstrapClusterRoleBindings(), ...bootstrapRoles(), ...bootstrapRoleBindings()]) ctx.store.create(obj);
  installClusterRoleAggregation(ctx);
  const authorizer = new RbacAuthorizer(ctx.store);
  ctx.setAuthorizer(authorizer);
  ctx.store.admission.push(escalationCheck(authorizer));
  const service: RbacService = {
    authorizer,
    canI: (user, attrs) => canI(authorizer, user, attrs),
    rulesFor: (user, namespace) => rulesFor(authorizer, user, namespace),
  };
  ctx.services.set('rbac', service);
  return service;
}
