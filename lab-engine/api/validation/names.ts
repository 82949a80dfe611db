import { type FieldError, field } from '../field-errors';

/**
 * Name rules from apimachinery/pkg/util/validation/validation.go, with the
 * exact messages the API server prints.
 */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const IANA_SVC_NAME = /^[-a-z0-9]+$/;
const C_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** IsDNS1123Label as field errors on `path`. */
export function validateDns1123Label(path: string, value: string): FieldError[] {
  const errs: FieldError[] = [];
  if (value.length > 63) errs.push(field.invalid(path, value, 'must be no more than 63 characters'));
  if (!DNS1123_LABEL.test(value)) errs.push(field.invalid(path, value, DNS1123_LABEL_MSG));
  return errs;
}

export function validateDns1035Label(path: string, value: string): FieldError[] {
  const errs: FieldError[] = [];
  if (value.length > 63) errs.push(field.invalid(path, value, 'must be no more than 63 characters'));
  if (!DNS1035_LABEL.test(value)) errs.push(field.invalid(path, value, DNS1035_LABEL_MSG));
  return errs;
}

/** IsValidPortName (IANA_SVC_NAME). */
export function validatePortName(path: string, value: string): FieldError[] {
  const errs: FieldError[] = [];
  if (value.length > 15) errs.push(field.invalid(path, value, 'must be no more than 15 characters'));
  if (!IANA_SVC_NAME.test(value)) errs.push(field.invalid(path, value, "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"));
  else if (!/[a-z]/.test(value)) errs.push(field.invalid(path, value, 'must contain at least one letter (a-z)'));
  else if (value.includes('--')) errs.push(field.invalid(path, value, "must not contain consecutive hyphens"));
  else if (value.startsWith('-') || value.endsWith('-')) errs.push(field.invalid(path, value, 'must not begin or end with a hyphen'));
  return errs;
}

export function isCIdentifier(value: string): boolean {
  return C_IDENTIFIER.test(value);
}

/** IsInRange(port, 1, 65535). */
export function validatePortNumber(path: string, port: unknown): FieldError[] {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    return [field.invalid(path, port, 'must be between 1 and 65535, inclusive')];
  }
  return [];
}

/** ValidateNonnegativeField. */
export function validateNonnegative(path: string, value: unknown): FieldError[] {
  if (typeof value === 'number' && value < 0) return [field.invalid(path, value, 'must be greater than or equal to 0')];
  return [];
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** IsQualifiedName: label keys and annotation keys. */
export function validateQualifiedName(path: string, key: string): FieldError[] {
  const slash = key.indexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? '' : key.slice(0, slash);
  const errs: FieldError[] = [];
  if (slash >= 0 && (!prefix || !DNS1123_SUBDOMAIN.test(prefix))) {
    errs.push(field.invalid(path, key, `prefix part ${prefix ? "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')" : 'must be non-empty'}`));
  }
  if (!name) errs.push(field.invalid(path, key, 'name part must be non-empty'));
  else if (name.length > 63) errs.push(field.invalid(path, key, 'name part must be no more than 63 characters'));
  else if (!QUALIFIED_NAME.test(name)) errs.push(field.invalid(path, key, QUALIFIED_MSG));
  return errs;
}

/** ValidateLabels: keys qualified names, values label values. */
export function validateLabels(path: string, labels: unknown): FieldError[] {
  if (!labels || typeof labels !== 'object') return [];
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
    errs.push(...validateQualifiedName(path, k));
    const s = typeof v === 'string' ? v : String(v);
    if (s.length > 63) errs.push(field.invalid(`${path}`, s, 'must be no more than 63 characters'));
    else if (!LABEL_VALUE.test(s)) errs.push(field.invalid(`${path}`, s, LABEL_VALUE_MSG));
  }
  return errs;
}
