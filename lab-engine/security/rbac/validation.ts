import type { Json, KubeObject } from '../../api/types';
import { type FieldError, field } from '../../api/field-errors';
import { goValue } from '../../api/validation/go-format';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** ValidateRBACName (path segment names): no "/" or "%", not "." or "..". */
export function validateRbacName(obj: KubeObject): FieldError[] {
  const name = obj.metadata.name;
  if (!name) return [];
  if (name === '.' || name === '..') return [field.invalid('metadata.name', name, `may not be '${name}'`)];
  for (const bad of ['/', '%']) if (name.includes(bad)) return [field.invalid('metadata.name', name, `may not contain '${bad}'`)];
  return [];
}

/** ValidatePolicyRule for every rule (rbac/validation/validation.go). */
export function validateRules(rules: Json, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  (Array.isArray(rules) ? rules : []).forEach((rule: Json, i: number) => {
    const p = `rules[${i}]`;
    if (!rule?.verbs?.length) errs.push(field.required(`${p}.verbs`, 'verbs must contain at least one value'));
    if (rule?.nonResourceURLs?.length) {
      const v = goValue(`[]string{${rule.nonResourceURLs.map((u: string) => JSON.stringify(u)).join(', ')}}`);
      if (namespaced) errs.push(field.invalid(`${p}.nonResourceURLs`, v, 'namespaced rules cannot apply to non-resource URLs'));
      if (rule.apiGroups?.length || rule.resources?.length || rule.resourceNames?.length) {
        errs.push(field.invalid(`${p}.nonResourceURLs`, v, 'rules cannot apply to both regular resources and non-resource URLs'));
      }
      return;
    }
    if (!rule?.apiGroups?.length) errs.push(field.required(`${p}.apiGroups`, 'resource rules must supply at least one api group'));
    if (!rule?.resources?.length) errs.push(field.required(`${p}.resources`, 'resource rules must supply at least one resource'));
  });
  return errs;
}

/** ValidateRoleBinding / ValidateClusterRoleBinding. */
export function validateBinding(obj: KubeObject, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = obj.roleRef ?? {};
  if (ref.apiGroup !== RBAC_GROUP) errs.push(field.notSupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind)) errs.push(field.notSupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) errs.push(field.required('roleRef.name'));
  (Array.isArray(obj.subjects) ? obj.subjects : []).forEach((s: Json, i: number) => errs.push(...validateSubject(s, `subjects[${i}]`, namespaced)));
  return errs;
}

function validateSubject(s: Json, p: string, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!s?.name) errs.push(field.required(`${p}.name`));
  switch (s?.kind) {
    case 'ServiceAccount':
      if (s.apiGroup) errs.push(field.notSupported(`${p}.apiGroup`, s.apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(field.required(`${p}.namespace`));
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== RBAC_GROUP) errs.push(field.notSupported(`${p}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]));
      break;
    default:
      errs.push(field.notSupported(`${p}.kind`, s?.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

/** roleRef cannot change (ValidateRoleBindingUpdate). */
export function validateRoleRefUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const a = obj.roleRef ?? {};
  const b = old.roleRef ?? {};
  if (a.apiGroup === b.apiGroup && a.kind === b.kind && a.name === b.name) return [];
  return [field.invalid('roleRef', goValue(`rbac.RoleRef{APIGroup:${JSON.stringify(a.apiGroup ?? '')}, Kind:${JSON.stringify(a.kind ?? '')}, Name:${JSON.stringify(a.name ?? '')}}`), 'cannot change roleRef')];
}

/** SetDefaults_RoleBinding / SetDefaults_Subject: roleRef and User/Group subjects get the RBAC API group. */
export function defaultSubjects(obj: KubeObject): void {
  if (obj.roleRef && typeof obj.roleRef === 'object' && !obj.roleRef.apiGroup) obj.roleRef.apiGroup = RBAC_GROUP;
  for (const s of Array.isArray(obj.subjects) ? obj.subjects : []) {
    if (s && s.apiGroup === undefined && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP;
  }
}
