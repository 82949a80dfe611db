import type { KindDef } from '../registry';
import type { Json, KubeObject } from '../types';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { validatePortName, validatePortNumber, validateDns1035Label } from '../validation/names';
import { DNS1123_SUBDOMAIN, DNS1123_SUBDOMAIN_MSG } from '../validation/object-meta';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const WILDCARD_MSG =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/**
 * Ingress (networking.k8s.io/v1): the registry strategy clears status on
 * create, and ValidateIngressCreate's spec checks
 * (pkg/apis/networking/validation/validation.go: hosts, paths and pathType,
 * backends). Routing is the network's ingress-nginx model.
 */
export const ingress: KindDef = {
  ...discoveryFor('ingresses', 'networking.k8s.io'),
  hasGeneration: true,
  prepareForCreate(obj) {
    obj.status = { loadBalancer: {} };
  },
  validate: validateIngress,
};

export function validateIngress(obj: KubeObject): FieldError[] {
  const spec = obj.spec ?? {};
  const errs: FieldError[] = [];
  const rules: Json[] = spec.rules ?? [];
  if (!spec.defaultBackend && rules.length === 0) errs.push(field.invalid('spec', spec, 'either `defaultBackend` or `rules` must be specified'));
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((r, i) => errs.push(...validateRule(r ?? {}, `spec.rules[${i}]`)));
  (spec.tls ?? []).forEach((t: Json, i: number) => {
    (t?.hosts ?? []).forEach((h: string, j: number) => errs.push(...validateHost(h, `spec.tls[${i}].hosts[${j}]`)));
  });
  if (spec.ingressClassName !== undefined && !DNS1123_SUBDOMAIN.test(spec.ingressClassName)) {
    errs.push(field.invalid('spec.ingressClassName', spec.ingressClassName, DNS1123_SUBDOMAIN_MSG));
  }
  return errs;
}

function validateRule(r: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (r.host) errs.push(...validateHost(r.host, `${path}.host`));
  const paths: Json[] = r.http?.paths ?? [];
  if (r.http && paths.length === 0) errs.push(field.required(`${path}.http.paths`));
  paths.forEach((p, i) => errs.push(...validatePath(p ?? {}, `${path}.http.paths[${i}]`)));
  return errs;
}

function validateHost(host: string, path: string): FieldError[] {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return [field.invalid(path, host, 'must be a DNS name, not an IP address')];
  if (host.includes('*')) {
    return /^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(host) ? [] : [field.invalid(path, host, WILDCARD_MSG)];
  }
  return DNS1123_SUBDOMAIN.test(host) ? [] : [field.invalid(path, host, DNS1123_SUBDOMAIN_MSG)];
}

function validatePath(p: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!p.pathType) errs.push(field.required(`${path}.pathType`, 'pathType must be specified'));
  else if (!PATH_TYPES.includes(p.pathType)) errs.push(field.notSupported(`${path}.pathType`, p.pathType, PATH_TYPES));
  if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
    const v = p.path ?? '';
    if (!v.startsWith('/')) errs.push(field.invalid(`${path}.path`, v, 'must be an absolute path'));
    else {
      for (const bad of ['//', '/./', '/../', '%2f', '%2F']) if (v.includes(bad)) errs.push(field.invalid(`${path}.path`, v, `must not contain '${bad}'`));
      for (const bad of ['/..', '/.']) if (v.endsWith(bad)) errs.push(field.invalid(`${path}.path`, v, `cannot end with '${bad}'`));
    }
  } else if (p.path !== undefined && p.path !== '' && !p.path.startsWith('/')) {
    errs.push(field.invalid(`${path}.path`, p.path, 'must be an absolute path'));
  }
  errs.push(...validateBackend(p.backend, `${path}.backend`));
  return errs;
}

function validateBackend(b: Json, path: string): FieldError[] {
  if (!b) return [field.required(path)];
  if (b.service && b.resource) return [field.invalid(path, '', 'cannot set both resource and service backends')];
  if (b.resource) return [];
  if (!b.service) return [field.required(`${path}.service`, 'one of `service` or `resource` must be specified')];
  const errs: FieldError[] = [];
  if (!b.service.name) errs.push(field.required(`${path}.service.name`));
  else errs.push(...validateDns1035Label(`${path}.service.name`, b.service.name));
  const port = b.service.port ?? {};
  const hasName = !!port.name;
  const hasNumber = port.number !== undefined && port.number !== 0;
  if (hasName && hasNumber) errs.push(field.invalid(`${path}.service.port`, port, 'cannot set both port name & port number'));
  else if (hasName) errs.push(...validatePortName(`${path}.service.port.name`, port.name));
  else if (hasNumber) errs.push(...validatePortNumber(`${path}.service.port.number`, port.number));
  else errs.push(field.required(`${path}.service.port`, 'port name or number is required'));
  return errs;
}
