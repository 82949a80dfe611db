import type { KindDef } from '../registry';
import type { KubeObject } from '../types';
import { discoveryFor } from '../discovery';
import { badRequest } from '../errors';
import { type FieldError, field } from '../field-errors';
import { base64ErrorOffset, decodeBase64 } from '../base64';
import { strictFields } from '../openapi/strict';
import { parseCsr, pemBlocks } from '../../security/pki/x509';

/** pkg/apis/certificates/validation allValidUsages, sorted as sets.String.List() returns them. */
export const VALID_USAGES = [
  'any', 'cert sign', 'client auth', 'code signing', 'content commitment', 'crl sign', 'data encipherment', 'decipher only',
  'digital signature', 'email protection', 'encipher only', 'ipsec end system', 'ipsec tunnel', 'ipsec user', 'key agreement',
  'key encipherment', 'microsoft sgc', 'netscape sgc', 'ocsp signing', 's/mime', 'server auth', 'signing', 'timestamping',
];

const APPROVAL_TYPES = ['Approved', 'Denied', 'Failed'];

/**
 * certificates.k8s.io/v1 CertificateSigningRequest (cluster-scoped): the
 * registry strategy (pkg/registry/certificates/certificates/strategy.go) fills
 * spec.username/uid/groups from the requesting user and clears status on
 * create; validation is pkg/apis/certificates/validation (the request must be
 * a PEM CERTIFICATE REQUEST whose signature verifies, usages known, signerName
 * `domain/path`, expirationSeconds ≥ 600, Approved/Denied exclusive).
 * `spec.request` and `status.certificate` are []byte: base64 on the wire.
 */
export const certificateSigningRequest: KindDef = {
  ...discoveryFor('certificatesigningrequests', 'certificates.k8s.io'),
  hasGeneration: true,
  prepareForCreate(obj, ctx) {
    decodeBytes(obj);
    const spec = (obj.spec ??= {});
    delete spec.username;
    delete spec.uid;
    delete spec.groups;
    delete spec.extra;
    if (ctx.user.username) spec.username = ctx.user.username;
    if (ctx.user.groups?.length) spec.groups = [...ctx.user.groups];
    obj.status = {};
  },
  prepareForUpdate(obj, old) {
    decodeBytes(obj);
    // The main resource may not change spec's identity fields or status (strategy PrepareForUpdate).
    obj.spec = { ...obj.spec, username: old.spec?.username, groups: old.spec?.groups };
    if (old.spec?.username === undefined) delete obj.spec.username;
    if (old.spec?.groups === undefined) delete obj.spec.groups;
    obj.status = old.status;
  },
  validate: (obj) => validateCsr(obj),
  validateUpdate(obj, old) {
    const errs: FieldError[] = [];
    for (const t of APPROVAL_TYPES) {
      if (conditionsOf(obj, t).length < conditionsOf(old, t).length) {
        errs.push(field.forbidden('status.conditions', `updates may not remove a condition of type "${t}"`));
      }
    }
    const oldCert = old.status?.certificate;
    if (oldCert && obj.status?.certificate !== oldCert) errs.push(field.forbidden('status.certificate', 'updates may not modify existing certificate content'));
    return errs;
  },
  unknownFields: (obj) => strictFields('certificates.k8s.io', 'v1', 'CertificateSigningRequest', obj),
};

function conditionsOf(obj: KubeObject, type: string): unknown[] {
  return ((obj.status?.conditions ?? []) as { type: string }[]).filter((c) => c.type === type);
}

/** []byte fields: Go's base64 decoding error at decode time, canonical (unwrapped) base64 after. */
function decodeBytes(obj: KubeObject): void {
  for (const [holder, key] of [[obj.spec, 'request'], [obj.status, 'certificate']] as const) {
    const v = (holder as Record<string, unknown> | undefined)?.[key];
    if (typeof v !== 'string') continue;
    const at = base64ErrorOffset(v);
    if (at !== undefined) {
      throw badRequest(`CertificateSigningRequest in version "v1" cannot be handled as a CertificateSigningRequest: illegal base64 data at input byte ${at}`);
    }
    (holder as Record<string, unknown>)[key] = v.replace(/[\r\n]/g, '');
  }
}

/** Go's %#v of a []byte, the way field.Invalid prints spec.request. */
function goBytes(text: string): { goSyntax: string } {
  const bytes = new TextEncoder().encode(text);
  return { goSyntax: `[]byte{${Array.from(bytes, (b) => `0x${b.toString(16)}`).join(', ')}}` };
}

/** ValidateCertificateRequestName accepts any name; apimachinery's path-segment rule still applies. */
function validateName(name: string): FieldError[] {
  if (name === '.' || name === '..') return [field.invalid('metadata.name', name, `may not be '${name}'`)];
  for (const bad of ['/', '%']) if (name.includes(bad)) return [field.invalid('metadata.name', name, `may not contain '${bad}'`)];
  return [];
}

function validateCsr(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = validateName(obj.metadata.name ?? '');
  const spec = obj.spec ?? {};
  const pem = typeof spec.request === 'string' ? decodeBase64(spec.request) : '';
  const parsed = parseCsr(pem);
  if (!parsed.ok) errs.push(field.invalid('spec.request', goBytes(pem), parsed.error));
  const usages: string[] = Array.isArray(spec.usages) ? spec.usages : [];
  if (usages.length === 0) errs.push(field.required('spec.usages'));
  const seen = new Set<string>();
  usages.forEach((u, i) => {
    if (!VALID_USAGES.includes(u)) errs.push(field.notSupported(`spec.usages[${i}]`, u, VALID_USAGES));
    if (seen.has(u)) errs.push(field.duplicate(`spec.usages[${i}]`, u));
    seen.add(u);
  });
  errs.push(...validateSignerName(String(spec.signerName ?? '')));
  if (typeof spec.expirationSeconds === 'number' && spec.expirationSeconds < 600) {
    errs.push(field.invalid('spec.expirationSeconds', spec.expirationSeconds, 'may not specify a duration less than 600 seconds (10 minutes)'));
  }
  errs.push(...validateConditions(obj));
  const cert = obj.status?.certificate;
  if (typeof cert === 'string' && cert !== '') {
    const blocks = pemBlocks(decodeBase64(cert));
    if (blocks.length === 0) errs.push(field.invalid('status.certificate', '<certificate data>', 'must contain at least one CERTIFICATE PEM block'));
    else if (blocks.some((b) => b.type !== 'CERTIFICATE')) errs.push(field.invalid('status.certificate', '<certificate data>', `only CERTIFICATE PEM blocks are allowed, found "${blocks.find((b) => b.type !== 'CERTIFICATE')!.type}"`));
  }
  return errs;
}

/** apivalidation.ValidateSignerName (pkg/apis/core/validation). */
function validateSignerName(name: string): FieldError[] {
  if (name === '') return [field.required('spec.signerName')];
  if (name === 'kubernetes.io/legacy-unknown') return [field.invalid('spec.signerName', name, 'the legacy signerName is not allowed via this API version')];
  const parts = name.split('/');
  if (parts.length !== 2) return [field.invalid('spec.signerName', name, "must be a fully qualified domain and path of the form 'example.com/signer-name'")];
  const [domain, path] = parts;
  const errs: FieldError[] = [];
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(domain)) {
    errs.push(field.invalid('spec.signerName', domain, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
  } else if (!domain.includes('.')) {
    errs.push(field.invalid('spec.signerName', domain, 'should be a domain with at least two segments separated by dots'));
  }
  if (path === '') errs.push(field.required('spec.signerName', 'validating path segment'));
  return errs;
}

function validateConditions(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  let approved = false;
  let denied = false;
  ((obj.status?.conditions ?? []) as { type?: string; status?: string }[]).forEach((c, i) => {
    const p = `status.conditions[${i}]`;
    if (!c.type) errs.push(field.required(`${p}.type`));
    const allowed = APPROVAL_TYPES.includes(c.type ?? '') ? ['True'] : ['False', 'True', 'Unknown'];
    if (!c.status) errs.push(field.required(`${p}.status`));
    else if (!allowed.includes(c.status)) errs.push(field.notSupported(`${p}.status`, c.status, allowed));
    if (c.type === 'Approved') {
      approved = true;
      if (denied) errs.push(field.invalid(`${p}.type`, c.type, 'Approved and Denied conditions are mutually exclusive'));
    }
    if (c.type === 'Denied') {
      denied = true;
      if (approved) errs.push(field.invalid(`${p}.type`, c.type, 'Approved and Denied conditions are mutually exclusive'));
    }
    if (c.type && seen.has(c.type)) errs.push(field.duplicate(`${p}.type`, c.type));
    if (c.type) seen.add(c.type);
  });
  return errs;
}
