import type { KubeObject } from '../types';
import type { KindDef } from '../registry';
import { type FieldError, field } from '../field-errors';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/**
 * ValidateObjectMeta (apimachinery/pkg/api/validation/objectmeta.go): name
 * required, name format per kind (most kinds: DNS-1123 subdomain), namespace
 * presence, immutable uid/name/namespace/creationTimestamp on update.
 * Kinds with stricter name rules (DNS-1123 label for Namespace, Service) add
 * their own errors in their validate().
 */
export function validateObjectMeta(def: KindDef, obj: KubeObject, old?: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const m = obj.metadata;
  if (!m.name && !m.generateName) errs.push(field.required('metadata.name', 'name or generateName is required'));
  if (m.name && nameRule(def) === 'subdomain') {
    if (m.name.length > 253) errs.push(field.invalid('metadata.name', m.name, 'must be no more than 253 characters'));
    else if (!DNS1123_SUBDOMAIN.test(m.name)) errs.push(field.invalid('metadata.name', m.name, DNS1123_SUBDOMAIN_MSG));
  }
  if (old) {
    if (m.name !== old.metadata.name) errs.push(field.invalid('metadata.name', m.name, 'field is immutable'));
    if ((m.namespace ?? '') !== (old.metadata.namespace ?? '')) errs.push(field.invalid('metadata.namespace', m.namespace, 'field is immutable'));
  }
  return errs;
}

/** Kinds whose names follow another rule (they validate the name in their own validate()). */
const OWN_NAME_RULE = new Set(['Namespace', 'Service', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'CertificateSigningRequest']);

function nameRule(def: KindDef): 'subdomain' | 'own' {
  return OWN_NAME_RULE.has(def.kind) ? 'own' : 'subdomain';
}

export { DNS1123_SUBDOMAIN, DNS1123_SUBDOMAIN_MSG };
