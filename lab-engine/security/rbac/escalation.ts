import type { AdmissionPlugin } from '../../api/store';
import type { Json, UserInfo } from '../../api/types';
import { forbidden } from '../../api/errors';
import type { RbacAuthorizer } from './authorizer';
import { rulesFor } from './review';

const RBAC = 'rbac.authorization.k8s.io';

/**
 * RBAC privilege-escalation prevention (pkg/registry/rbac/{role,clusterrole,
 * rolebinding,clusterrolebinding}/policybased): a user may only write a role
 * whose rules they already hold (or with the `escalate` verb), and bind a
 * role whose rules they hold (or with the `bind` verb). system:masters and
 * the kube-system controllers (whose own roles are not modelled) are exempt.
 */
export function escalationCheck(authz: RbacAuthorizer): AdmissionPlugin {
  return {
    name: 'RBACEscalation',
    validate(op, def, obj, _old, ctx) {
      if ((op !== 'CREATE' && op !== 'UPDATE') || def.group !== RBAC) return;
      const user = ctx.user;
      if (user.groups.includes('system:masters') || user.username.startsWith('system:serviceaccount:kube-system:')) return;
      const ns = def.namespaced ? (obj.metadata.namespace ?? '') : '';
      const name = obj.metadata.name ?? '';
      let rules: Json[];
      if (def.resource === 'roles' || def.resource === 'clusterroles') {
        if (authz.authorizeRequest(user, { verb: 'escalate', group: RBAC, resource: def.resource, namespace: ns || undefined, name }).allowed) return;
        rules = obj.rules ?? [];
      } else {
        const ref = obj.roleRef ?? {};
        const res = ref.kind === 'Role' ? 'roles' : 'clusterroles';
        if (authz.authorizeRequest(user, { verb: 'bind', group: RBAC, resource: res, namespace: ns || undefined, name: ref.name }).allowed) return;
        const role = ref.kind === 'Role' ? ctx.peek(`roles.${RBAC}`, ns, ref.name) : ctx.peek(`clusterroles.${RBAC}`, '', ref.name);
        rules = role?.rules ?? [];
      }
      const missing = uncovered(authz, user, ns, rules);
      if (missing.length === 0) return;
      const groups = `[${user.groups.map((g) => JSON.stringify(g)).join(' ')}]`;
      throw forbidden(def, name, `user ${JSON.stringify(user.username)} (groups=${groups}) is attempting to grant RBAC permissions not currently held:\n${missing.join('\n')}`);
    },
  };
}

/** ConfirmNoEscalation: the requested rules broken into single-verb/resource pieces, each covered by a held rule. */
function uncovered(authz: RbacAuthorizer, user: UserInfo, ns: string, rules: Json[]): string[] {
  const held = rulesFor(authz, user, ns);
  const out: string[] = [];
  const urls: string[] = [];
  const missing = new Map<string, { group: string; resource: string; name: string; verbs: string[] }>();
  for (const rule of rules) {
    for (const verb of rule.verbs ?? []) {
      if (rule.nonResourceURLs?.length) {
        for (const url of rule.nonResourceURLs) {
          const ok = held.nonResourceRules.some((h) => has(h.verbs, verb) && (h.nonResourceURLs ?? []).some((u) => u === '*' || u === url || (u.endsWith('*') && url.startsWith(u.slice(0, -1)))));
          if (!ok) urls.push(`{NonResourceURLs:[${JSON.stringify(url)}], Verbs:[${JSON.stringify(verb)}]}`);
        }
        continue;
      }
      for (const group of rule.apiGroups ?? []) {
        for (const resource of rule.resources ?? []) {
          const names: string[] = rule.resourceNames?.length ? rule.resourceNames : [''];
          for (const rn of names) {
            const ok = held.resourceRules.some(
              (h) => has(h.verbs, verb) && has(h.apiGroups ?? [], group) && coversResource(h.resources ?? [], resource) && (!h.resourceNames?.length || (rn !== '' && h.resourceNames.includes(rn))),
            );
            if (!ok) addMissing(missing, group, resource, rn, verb);
          }
        }
      }
    }
  }
  // Compact: one line per group/resource/name with its missing verbs.
  for (const m of missing.values()) out.push(describe(m.group, m.resource, m.name, m.verbs));
  return [...out, ...urls];
}

function addMissing(missing: Map<string, { group: string; resource: string; name: string; verbs: string[] }>, group: string, resource: string, name: string, verb: string): void {
  const key = `${group}\u0000${resource}\u0000${name}`;
  const m = missing.get(key);
  if (m) m.verbs.push(verb);
  else missing.set(key, { group, resource, name, verbs: [verb] });
}

function has(list: string[], v: string): boolean {
  return list.includes('*') || list.includes(v);
}

function coversResource(held: string[], want: string): boolean {
  if (held.includes('*') || held.includes(want)) return true;
  const slash = want.indexOf('/');
  return slash >= 0 && (held.includes(`*${want.slice(slash)}`) || held.includes(`${want.slice(0, slash)}/*`));
}

/** rbacv1helpers.CompactString of one missing piece. */
function describe(group: string, resource: string, name: string, verbs: string[]): string {
  const parts = [`APIGroups:[${JSON.stringify(group)}]`, `Resources:[${JSON.stringify(resource)}]`];
  if (name) parts.push(`ResourceNames:[${JSON.stringify(name)}]`);
  parts.push(`Verbs:[${verbs.map((v) => JSON.stringify(v)).join(' ')}]`);
  return `{${parts.join(', ')}}`;
}
