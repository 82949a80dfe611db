import type { KindDef } from '../registry';
import type { KubeObject } from '../types';
import { discoveryFor } from '../discovery';
import { badRequest } from '../errors';
import { type FieldError, field } from '../field-errors';
import { base64ErrorOffset, encodeBase64 } from '../base64';
import { validateConfigKeys, validateImmutableData } from '../validation/config-data';
import { strictFields } from '../openapi/strict';

/** Keys each built-in Secret type requires (ValidateSecret, pkg/apis/core/validation). */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

/**
 * Secret: `data` values are base64 on the wire (a bad one fails decoding,
 * before validation, with Go's error); `stringData` is merged into `data` by
 * conversion; `type` defaults to Opaque and is immutable.
 */
export const secret: KindDef = {
  ...discoveryFor('secrets', ''),
  hasGeneration: false,
  prepareForCreate: (obj) => decodeSecret(obj),
  prepareForUpdate: (obj) => decodeSecret(obj),
  defaults(obj) {
    if (!obj.type) obj.type = 'Opaque';
  },
  validate: (obj) => [...validateConfigKeys(obj, ['data']), ...validateType(obj)],
  validateUpdate(obj, old) {
    const errs = validateImmutableData(obj, old, ['data']);
    if (obj.type !== old.type) errs.unshift(field.invalid('type', obj.type, 'field is immutable'));
    return errs;
  },
  unknownFields: (obj) => strictFields('', 'v1', 'Secret', obj),
};

function decodeSecret(obj: KubeObject): void {
  for (const [k, v] of Object.entries((obj.data ?? {}) as Record<string, unknown>)) {
    const at = typeof v === 'string' ? base64ErrorOffset(v) : 0;
    if (at !== undefined) {
      throw badRequest(`Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${at}`);
    }
    void k;
  }
  if (obj.stringData && typeof obj.stringData === 'object') {
    obj.data = { ...(obj.data ?? {}) };
    for (const [k, v] of Object.entries(obj.stringData as Record<string, unknown>)) obj.data[k] = encodeBase64(String(v));
    delete obj.stringData;
  }
}

function validateType(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of REQUIRED_KEYS[obj.type] ?? []) {
    if (obj.data?.[key] === undefined) errs.push(field.required(`data[${key}]`));
  }
  if (obj.type === 'kubernetes.io/service-account-token' && !obj.metadata.annotations?.['kubernetes.io/service-account.name']) {
    errs.push(field.required('metadata.annotations[kubernetes.io/service-account.name]'));
  }
  if (obj.type === 'kubernetes.io/basic-auth' && obj.data?.username === undefined && obj.data?.password === undefined) {
    errs.push(field.required('data[username]'));
  }
  return errs;
}
