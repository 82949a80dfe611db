import type { Json, UserInfo } from '../../api/types';
import type { RbacAuthorizer } from './authorizer';
import type { RequestAttributes } from './rule-matching';

/** SelfSubjectAccessReview.status */
export interface AccessReviewStatus {
  allowed: boolean;
  denied?: boolean;
  reason?: string;
  evaluationError?: string;
}

/** SubjectRulesReviewStatus: what SelfSubjectRulesReview returns (kubectl auth can-i --list formats it). */
export interface RulesReviewStatus {
  resourceRules: { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }[];
  nonResourceRules: { verbs: string[]; nonResourceURLs?: string[] }[];
  incomplete: boolean;
  evaluationError?: string;
}

/** `kubectl auth can-i` (SelfSubjectAccessReview): allowed + the authorizer's reason. */
export function canI(authz: RbacAuthorizer, user: UserInfo, attrs: RequestAttributes): AccessReviewStatus {
  const d = authz.authorizeRequest(user, attrs);
  const out: AccessReviewStatus = { allowed: d.allowed };
  if (d.reason) out.reason = d.reason;
  return out;
}

/**
 * `kubectl auth can-i --list` (SelfSubjectRulesReview): every rule reachable
 * from the user's bindings in visiting order, split into resource and
 * non-resource rules, without compaction (kubectl compacts and sorts).
 * system:masters members get the `*` rules the privileged-group authorizer implies.
 */
export function rulesFor(authz: RbacAuthorizer, user: UserInfo, namespace: string): RulesReviewStatus {
  const status: RulesReviewStatus = { resourceRules: [], nonResourceRules: [], incomplete: false };
  if (user.groups.includes('system:masters')) {
    status.resourceRules.push({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
    status.nonResourceRules.push({ verbs: ['*'], nonResourceURLs: ['*'] });
  }
  const errors: string[] = [];
  authz.visitRulesFor(user, namespace, (_source, rule: Json, err) => {
    if (err) errors.push(err);
    if (!rule) return true;
    if (Array.isArray(rule.resources) && rule.resources.length) {
      const r: RulesReviewStatus['resourceRules'][number] = { verbs: [...rule.verbs] };
      if (rule.apiGroups?.length) r.apiGroups = [...rule.apiGroups];
      r.resources = [...rule.resources];
      if (rule.resourceNames?.length) r.resourceNames = [...rule.resourceNames];
      status.resourceRules.push(r);
    }
    if (Array.isArray(rule.nonResourceURLs) && rule.nonResourceURLs.length) {
      status.nonResourceRules.push({ verbs: [...rule.verbs], nonResourceURLs: [...rule.nonResourceURLs] });
    }
    return true;
  });
  if (errors.length) {
    status.incomplete = true;
    status.evaluationError = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
  }
  return status;
}
