import type { KubeObject } from '../types';
import { type FieldError, field } from '../field-errors';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** IsConfigMapKey for every key of data/binaryData (ConfigMap and Secret). */
export function validateConfigKeys(obj: KubeObject, fields: string[]): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, string>();
  for (const f of fields) {
    for (const key of Object.keys((obj[f] ?? {}) as Record<string, unknown>)) {
      const path = `${f}[${key}]`;
      if (key.length > 253) errs.push(field.invalid(path, key, 'must be no more than 253 characters'));
      if (!CONFIG_KEY.test(key)) errs.push(field.invalid(path, key, CONFIG_KEY_MSG));
      if (key === '.' || key === '..') errs.push(field.invalid(path, key, `must not be '${key}'`));
      else if (key.startsWith('..')) errs.push(field.invalid(path, key, "must not start with '..'"));
      if (seen.has(key)) errs.push(field.invalid(path, key, `duplicate of key present in ${seen.get(key)}`));
      seen.set(key, f);
    }
  }
  return errs;
}

/** ValidateConfigMapUpdate / ValidateSecretUpdate: immutable objects keep their data. */
export function validateImmutableData(obj: KubeObject, old: KubeObject, fields: string[]): FieldError[] {
  const errs: FieldError[] = [];
  if (old.immutable === true && obj.immutable !== true) {
    errs.push(field.forbidden('immutable', 'field is immutable when `immutable` is set'));
  }
  if (old.immutable === true) {
    for (const f of fields) {
      if (JSON.stringify(sorted(obj[f])) !== JSON.stringify(sorted(old[f]))) errs.push(field.forbidden(f, 'field is immutable when `immutable` is set'));
    }
  }
  return errs;
}

function sorted(m: unknown): unknown {
  if (!m || typeof m !== 'object') return null;
  const o = m as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  return keys.length ? keys.map((k) => [k, o[k]]) : null;
}
