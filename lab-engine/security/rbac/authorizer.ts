import type { Store } from '../../api/store';
import type { Json, KubeObject, UserInfo } from '../../api/types';
import type { Authorizer, AuthorizationAttributes } from '../../api/client';
import { type RequestAttributes, ruleAllows } from './rule-matching';
import { isServiceAccountUsername } from './users';

const CRB = 'clusterrolebindings.rbac.authorization.k8s.io';
const RB = 'rolebindings.rbac.authorization.k8s.io';
const CR = 'clusterroles.rbac.authorization.k8s.io';
const ROLE = 'roles.rbac.authorization.k8s.io';

/** A rule together with the binding that granted it (for reasons and rules reviews). */
type Visitor = (source: string, rule: Json | undefined, err: string | undefined) => boolean;

/**
 * The RBAC authorizer (plugin/pkg/auth/authorizer/rbac/rbac.go) over the
 * store's bindings and roles, behind the privileged-group authorizer
 * (system:masters is always allowed, as kube-apiserver's union authorizer).
 */
export class RbacAuthorizer implements Authorizer {
  constructor(private readonly store: Store) {}

  authorize(attrs: AuthorizationAttributes): { allowed: boolean; reason?: string } {
    return this.authorizeRequest(attrs.user, {
      verb: attrs.verb,
      group: attrs.group,
      resource: attrs.resource,
      subresource: attrs.subresource,
      namespace: attrs.namespace,
      name: attrs.name,
    });
  }

  authorizeRequest(user: UserInfo, a: RequestAttributes): { allowed: boolean; reason: string } {
    if (user.groups.includes('system:masters')) return { allowed: true, reason: '' };
    let reason = '';
    const errors: string[] = [];
    this.visitRulesFor(user, a.namespace ?? '', (source, rule, err) => {
      if (rule && ruleAllows(a, rule)) {
        reason = `RBAC: allowed by ${source}`;
        return false;
      }
      if (err) errors.push(err);
      return true;
    });
    if (reason) return { allowed: true, reason };
    if (errors.length === 0) return { allowed: false, reason: '' };
    return { allowed: false, reason: `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}` };
  }

  /** VisitRulesFor (pkg/registry/rbac/validation/rule.go): cluster bindings first, then role bindings in the namespace. */
  visitRulesFor(user: UserInfo, namespace: string, visit: Visitor): void {
    for (const b of this.store.peekList(CRB)) {
      const subject = appliesTo(user, b.subjects, '');
      if (!subject) continue;
      const { rules, err } = this.rulesOfRef(b.roleRef, '');
      const source = `ClusterRoleBinding ${q(b.metadata.name)} of ${b.roleRef?.kind} ${q(b.roleRef?.name)} to ${describeSubject(subject, '')}`;
      if (err && !visit(source, undefined, err)) return;
      for (const rule of rules) if (!visit(source, rule, undefined)) return;
    }
    if (!namespace) return;
    for (const b of this.store.peekList(RB, namespace)) {
      const subject = appliesTo(user, b.subjects, namespace);
      if (!subject) continue;
      const { rules, err } = this.rulesOfRef(b.roleRef, namespace);
      const source = `RoleBinding ${q(`${b.metadata.name}/${namespace}`)} of ${b.roleRef?.kind} ${q(b.roleRef?.name)} to ${describeSubject(subject, namespace)}`;
      if (err && !visit(source, undefined, err)) return;
      for (const rule of rules) if (!visit(source, rule, undefined)) return;
    }
  }

  private rulesOfRef(ref: Json, namespace: string): { rules: Json[]; err?: string } {
    const name = String(ref?.name ?? '');
    let role: KubeObject | undefined;
    if (ref?.kind === 'ClusterRole') {
      role = this.store.peek(CR, '', name);
      if (!role) return { rules: [], err: `clusterrole.rbac.authorization.k8s.io ${q(name)} not found` };
    } else if (ref?.kind === 'Role') {
      role = this.store.peek(ROLE, namespace, name);
      if (!role) return { rules: [], err: `role.rbac.authorization.k8s.io ${q(name)} not found` };
    } else return { rules: [], err: `unsupported role reference kind: ${q(String(ref?.kind ?? ''))}` };
    return { rules: Array.isArray(role.rules) ? role.rules : [] };
  }
}

function q(s: unknown): string {
  return JSON.stringify(String(s ?? ''));
}

/** appliesTo: the first subject of the binding that matches the user. */
function appliesTo(user: UserInfo, subjects: Json, namespace: string): Json | undefined {
  if (!Array.isArray(subjects)) return undefined;
  return subjects.find((s: Json) => {
    if (s?.kind === 'User') return user.username === s.name;
    if (s?.kind === 'Group') return user.groups.includes(s.name);
    if (s?.kind === 'ServiceAccount') {
      const ns = s.namespace || namespace;
      return !!ns && isServiceAccountUsername(user.username, ns, s.name);
    }
    return false;
  });
}

function describeSubject(s: Json, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `ServiceAccount ${q(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${q(s.name)}`;
}
