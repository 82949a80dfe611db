import type { KubeObject } from '../../../api/types';
import type { CommandContext, CommandSpec } from '../../types';
import { KubectlError } from '../../types';
import { flagString, flagStrings } from '../../args';
import { clusterMeta, complete, objectMeta, submit } from './common';
import { parseSelector } from '../../../api/selectors/label-selector';

const RBAC = 'rbac.authorization.k8s.io';
const VALID_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
/** create_role.go specialVerbs: verbs only meaningful on some resources. */
const SPECIAL_VERBS: Record<string, [string, string][]> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [[RBAC, 'roles'], [RBAC, 'clusterroles']],
  escalate: [[RBAC, 'roles'], [RBAC, 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras'], ['authentication.k8s.io', 'uids']],
};

interface ResourceOption {
  resource: string;
  group: string;
  subResource: string;
}

/** `pods`, `deployments.apps`, `pods/log`, `rs.apps/scale`. */
function parseResources(values: string[]): ResourceOption[] {
  return values.map((r) => {
    const [main, sub = ''] = r.split('/', 2);
    const dot = main.indexOf('.');
    return { resource: dot < 0 ? main : main.slice(0, dot), group: dot < 0 ? '' : main.slice(dot + 1), subResource: sub };
  });
}

/** RESTMapper.ResourceFor: short names and kinds map to the plural resource and its group. */
function mapResource(ctx: CommandContext, r: ResourceOption): { group: string; resource: string } | undefined {
  if (r.resource === '*') return undefined;
  const def = ctx.host.cluster.registry.resolve(r.group ? `${r.resource}.${r.group}` : r.resource);
  return def ? { group: def.group, resource: def.resource } : undefined;
}

/** create_role.go / create_clusterrole.go Validate: a non-standard resource verb is only a warning (v1.32). */
function validateVerbs(ctx: CommandContext, verbs: string[], nonResourceURLs: string[], resources: ResourceOption[]): void {
  if (verbs.length === 0) throw new KubectlError('at least one verb must be specified');
  if (resources.length === 0 && nonResourceURLs.length === 0) throw new KubectlError('at least one resource must be specified');
  if (resources.length > 0) for (const v of verbs) if (!VALID_VERBS.includes(v)) ctx.io.err(`Warning: '${v}' is not a standard resource verb\n`);
  if (nonResourceURLs.length > 0) for (const v of verbs) if (!NON_RESOURCE_VERBS.includes(v)) throw new KubectlError(`invalid verb: '${v}' for nonResourceURL`);
}

/** create_role.go validateResource + generateResourcePolicyRules: one rule per API group, groups sorted. */
function policyRules(ctx: CommandContext, verbs: string[], resources: ResourceOption[], resourceNames: string[], nonResourceURLs: string[]): unknown[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    if (!r.resource) throw new KubectlError('resource must be specified if apiGroup/subresource specified');
    const mapped = mapResource(ctx, r);
    // The RESTMapper's NoResourceMatchError reaches CheckErr unprefixed.
    if (!mapped && r.resource !== '*') throw new KubectlError(`the server doesn't have a resource type "${r.resource}"`, 1, true);
    const target = mapped ?? { group: r.group, resource: r.resource };
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (allowed && !allowed.some(([g, res]) => g === target.group && res === target.resource)) {
        throw new KubectlError(`can not perform '${v}' on '${target.resource}' in group '${target.group}'`);
      }
    }
    const name = r.subResource ? `${target.resource}/${r.subResource}` : target.resource;
    const list = byGroup.get(target.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(target.group, list);
  }
  const rules: unknown[] = [...byGroup.keys()].sort().map((g) => {
    const rule: Record<string, unknown> = { verbs, apiGroups: [g], resources: byGroup.get(g) };
    if (resourceNames.length > 0) rule.resourceNames = resourceNames;
    return rule;
  });
  if (nonResourceURLs.length > 0) rules.push({ verbs, nonResourceURLs });
  return rules;
}

export const createRole: CommandSpec = {
  use: 'role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none]',
  short: 'Create a role with single rule',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const verbs = flagStrings(ctx.flags, 'verb');
    const resources = parseResources(flagStrings(ctx.flags, 'resource'));
    if (verbs.length === 0) throw new KubectlError('at least one verb must be specified');
    if (resources.length === 0) throw new KubectlError('at least one resource must be specified');
    validateVerbs(ctx, verbs, [], resources);
    const rules = policyRules(ctx, verbs, resources, flagStrings(ctx.flags, 'resource-name'), []);
    const obj: KubeObject = { kind: 'Role', apiVersion: `${RBAC}/v1`, metadata: objectMeta(ctx, name), rules };
    return submit(ctx, dryRun, obj);
  },
};

export const createClusterRole: CommandSpec = {
  use: 'clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]',
  short: 'Create a cluster role',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const aggregation = flagString(ctx.flags, 'aggregation-rule');
    const verbs = flagStrings(ctx.flags, 'verb');
    const resources = parseResources(flagStrings(ctx.flags, 'resource'));
    const urls = flagStrings(ctx.flags, 'non-resource-url');
    const obj: KubeObject = { kind: 'ClusterRole', apiVersion: `${RBAC}/v1`, metadata: clusterMeta(name) };
    if (aggregation) {
      if (verbs.length > 0 || resources.length > 0 || urls.length > 0) {
        throw new KubectlError('aggregation rule must be specified without nonResourceURLs, resources, verbs or resourceNames');
      }
      obj.rules = null;
      obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: selectorMap(aggregation) }] };
      return submit(ctx, dryRun, obj);
    }
    for (const u of urls) if (!u.startsWith('/')) throw new KubectlError(`"${u}" must start with "/"`);
    validateVerbs(ctx, verbs, urls, resources);
    obj.rules = policyRules(ctx, verbs, resources, flagStrings(ctx.flags, 'resource-name'), urls);
    return submit(ctx, dryRun, obj);
  },
};

function selectorMap(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of parseSelector(s)) if (r.op === '=' || r.op === '==') out[r.key] = r.values[0];
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Subjects in the order kubectl adds them: users, groups, service accounts. */
function subjects(ctx: CommandContext): unknown[] {
  const out: unknown[] = [];
  for (const u of flagStrings(ctx.flags, 'user')) out.push({ kind: 'User', apiGroup: RBAC, name: u });
  for (const g of flagStrings(ctx.flags, 'group')) out.push({ kind: 'Group', apiGroup: RBAC, name: g });
  for (const sa of flagStrings(ctx.flags, 'serviceaccount')) {
    const t = sa.split(':');
    if (t.length !== 2 || !t[0] || !t[1]) throw new KubectlError('serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', name: t[1], namespace: t[0] });
  }
  return out;
}

export const createRoleBinding: CommandSpec = {
  use: 'rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  short: 'Create a role binding for a particular role or cluster role',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const role = flagString(ctx.flags, 'role');
    const clusterRole = flagString(ctx.flags, 'clusterrole');
    if ((!role && !clusterRole) || (role && clusterRole)) throw new KubectlError('exactly one of clusterrole or role must be specified');
    const obj: KubeObject = { kind: 'RoleBinding', apiVersion: `${RBAC}/v1`, metadata: objectMeta(ctx, name) };
    const subs = subjects(ctx);
    if (subs.length > 0) obj.subjects = subs;
    obj.roleRef = { apiGroup: RBAC, kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole };
    return submit(ctx, dryRun, obj, { wrap: 'failed to create rolebinding: ' });
  },
};

export const createClusterRoleBinding: CommandSpec = {
  use: 'clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  short: 'Create a cluster role binding for a particular cluster role',
  flags: [],
  requiredFlags: ['clusterrole'],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const obj: KubeObject = { kind: 'ClusterRoleBinding', apiVersion: `${RBAC}/v1`, metadata: clusterMeta(name) };
    const subs = subjects(ctx);
    if (subs.length > 0) obj.subjects = subs;
    obj.roleRef = { apiGroup: RBAC, kind: 'ClusterRole', name: flagString(ctx.flags, 'clusterrole') };
    return submit(ctx, dryRun, obj, { wrap: 'failed to create clusterrolebinding: ' });
  },
};
