import type { Json } from '../../api/types';

/** Attributes of one request, as authorizer.Attributes carries them. */
export interface RequestAttributes {
  verb: string;
  /** Resource requests. */
  group?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  namespace?: string;
  /** Non-resource requests (`/healthz`, `/version`). */
  path?: string;
}

export function isResourceRequest(a: RequestAttributes): boolean {
  return a.resource !== undefined && a.path === undefined;
}

/** RuleAllows (plugin/pkg/auth/authorizer/rbac/rbac.go) with the rbacv1helpers matchers. */
export function ruleAllows(a: RequestAttributes, rule: Json): boolean {
  if (!verbMatches(rule, a.verb)) return false;
  if (!isResourceRequest(a)) return nonResourceUrlMatches(rule, a.path ?? '');
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : (a.resource ?? '');
  return apiGroupMatches(rule, a.group ?? '') && resourceMatches(rule, combined, a.subresource ?? '') && resourceNameMatches(rule, a.name ?? '');
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export function verbMatches(rule: Json, verb: string): boolean {
  return list(rule.verbs).some((v) => v === '*' || v === verb);
}

export function apiGroupMatches(rule: Json, group: string): boolean {
  return list(rule.apiGroups).some((g) => g === '*' || g === group);
}

export function resourceMatches(rule: Json, combined: string, subresource: string): boolean {
  return list(rule.resources).some((r) => r === '*' || r === combined || (subresource !== '' && r === `*/${subresource}`));
}

export function resourceNameMatches(rule: Json, name: string): boolean {
  const names = list(rule.resourceNames);
  return names.length === 0 || names.includes(name);
}

export function nonResourceUrlMatches(rule: Json, path: string): boolean {
  return list(rule.nonResourceURLs).some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))));
}
