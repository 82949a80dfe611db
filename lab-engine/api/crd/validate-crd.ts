import type { Json, KubeObject } from '../types';
import { type FieldError, field } from '../field-errors';
import { validateDns1035Label, validateDns1123Label } from '../validation/names';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * ValidateCustomResourceDefinition (apiextensions-apiserver/pkg/apis/apiextensions/validation),
 * the checks authors trip over: name = plural.group, group with a dot, names,
 * scope, exactly one storage version, and structural schemas.
 */
export function validateCrd(crd: KubeObject): FieldError[] {
  const spec = crd.spec ?? {};
  const errs: FieldError[] = [];
  const names = spec.names ?? {};
  if (crd.metadata.name !== `${names.plural}.${spec.group}`) {
    errs.push(field.invalid('metadata.name', crd.metadata.name, 'must be spec.names.plural+"."+spec.group'));
  }
  if (!spec.group) errs.push(field.required('spec.group'));
  else if (!spec.group.includes('.')) errs.push(field.invalid('spec.group', spec.group, 'should be a domain with at least one dot'));
  else if (!DNS1123_SUBDOMAIN.test(spec.group)) errs.push(field.invalid('spec.group', spec.group, 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character'));
  if (!['Cluster', 'Namespaced'].includes(spec.scope)) {
    errs.push(spec.scope ? field.notSupported('spec.scope', spec.scope, ['Cluster', 'Namespaced']) : field.required('spec.scope'));
  }
  errs.push(...validateNames(names));
  errs.push(...validateVersions(spec.versions));
  return errs;
}

function validateNames(names: Json): FieldError[] {
  const errs: FieldError[] = [];
  if (!names.plural) errs.push(field.required('spec.names.plural'));
  else errs.push(...validateDns1035Label('spec.names.plural', names.plural));
  if (names.singular) errs.push(...validateDns1035Label('spec.names.singular', names.singular));
  if (!names.kind) errs.push(field.required('spec.names.kind'));
  if (!names.listKind) errs.push(field.required('spec.names.listKind'));
  (names.shortNames ?? []).forEach((s: string, i: number) => errs.push(...validateDns1123Label(`spec.names.shortNames[${i}]`, s)));
  return errs;
}

function validateVersions(versions: Json): FieldError[] {
  if (!Array.isArray(versions) || versions.length === 0) return [field.invalid('spec.versions', null, 'must have exactly one version marked as storage version')];
  const errs: FieldError[] = [];
  const storage = versions.filter((v: Json) => v?.storage).length;
  if (storage !== 1) errs.push(field.invalid('spec.versions', { goSyntax: `[]apiextensions.CustomResourceDefinitionVersion{…}` }, 'must have exactly one version marked as storage version'));
  versions.forEach((v: Json, i: number) => {
    const p = `spec.versions[${i}]`;
    if (!v?.name) errs.push(field.required(`${p}.name`));
    else errs.push(...validateDns1035Label(`${p}.name`, v.name));
    const schema = v?.schema?.openAPIV3Schema;
    if (!schema) errs.push(field.required(`${p}.schema.openAPIV3Schema`, 'schemas are required'));
    else errs.push(...validateStructural(schema, `${p}.schema.openAPIV3Schema`, true));
  });
  return errs;
}

/** The structural-schema rule authors hit most: every specified field has a type. */
function validateStructural(s: Json, path: string, root: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (root && s.type !== 'object') errs.push(s.type ? field.invalid(`${path}.type`, s.type, 'must be object at the root') : field.required(`${path}.type`, 'must not be empty at the root'));
  for (const [k, sub] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
    const p = `${path}.properties[${k}]`;
    if (!sub?.type && !sub?.['x-kubernetes-int-or-string'] && !sub?.['x-kubernetes-preserve-unknown-fields']) errs.push(field.required(`${p}.type`, 'must not be empty for specified object fields'));
    errs.push(...validateStructural(sub ?? {}, p, false));
  }
  if (s.items && typeof s.items === 'object') {
    if (!s.items.type && !s.items['x-kubernetes-int-or-string'] && !s.items['x-kubernetes-preserve-unknown-fields']) errs.push(field.required(`${path}.items.type`, 'must not be empty for specified array items'));
    errs.push(...validateStructural(s.items, `${path}.items`, false));
  }
  return errs;
}
