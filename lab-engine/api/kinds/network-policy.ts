import type { KindDef } from '../registry';
import type { Json, KubeObject } from '../types';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { validatePortName, validatePortNumber } from '../validation/names';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/**
 * NetworkPolicy: SetDefaults_NetworkPolicy / SetDefaults_NetworkPolicyPort
 * (pkg/apis/networking/v1/defaults.go) and ValidateNetworkPolicy
 * (pkg/apis/networking/validation/validation.go). Enforcement is the
 * network's (network/policy).
 */
export const networkPolicy: KindDef = {
  ...discoveryFor('networkpolicies', 'networking.k8s.io'),
  hasGeneration: true,
  defaults(obj) {
    const spec = (obj.spec = obj.spec ?? {});
    if (!spec.podSelector) spec.podSelector = {};
    for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) {
      for (const p of rule?.ports ?? []) if (p && !p.protocol) p.protocol = 'TCP';
    }
    if (!spec.policyTypes || spec.policyTypes.length === 0) {
      spec.policyTypes = ['Ingress'];
      if ((spec.egress?.length ?? 0) > 0) spec.policyTypes.push('Egress');
    }
  },
  validate: validateNetworkPolicy,
};

export function validateNetworkPolicy(obj: KubeObject): FieldError[] {
  const spec = obj.spec ?? {};
  const errs: FieldError[] = [];
  (spec.ingress ?? []).forEach((r: Json, i: number) => {
    (r?.ports ?? []).forEach((p: Json, j: number) => errs.push(...validatePort(p, `spec.ingress[${i}].ports[${j}]`)));
    (r?.from ?? []).forEach((p: Json, j: number) => errs.push(...validatePeer(p, `spec.ingress[${i}].from[${j}]`)));
  });
  (spec.egress ?? []).forEach((r: Json, i: number) => {
    (r?.ports ?? []).forEach((p: Json, j: number) => errs.push(...validatePort(p, `spec.egress[${i}].ports[${j}]`)));
    (r?.to ?? []).forEach((p: Json, j: number) => errs.push(...validatePeer(p, `spec.egress[${i}].to[${j}]`)));
  });
  const types: string[] = spec.policyTypes ?? [];
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(field.notSupported(`spec.policyTypes[${i}]`, t, ['Egress', 'Ingress']));
  });
  if (types.length > 2) errs.push(field.invalid('spec.policyTypes', types, 'may not specify more than two policyTypes'));
  return errs;
}

function validatePort(p: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.protocol && !PROTOCOLS.includes(p.protocol)) errs.push(field.notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  if (p.port === undefined) {
    if (p.endPort !== undefined) errs.push(field.required(`${path}.port`, 'when endPort is specified'));
    return errs;
  }
  if (typeof p.port === 'string') {
    errs.push(...validatePortName(`${path}.port`, p.port));
    if (p.endPort !== undefined) errs.push(field.forbidden(`${path}.endPort`, 'may not be specified when `port` is non-numeric'));
    return errs;
  }
  errs.push(...validatePortNumber(`${path}.port`, p.port));
  if (p.endPort !== undefined) {
    if (p.endPort < p.port) errs.push(field.invalid(`${path}.endPort`, p.endPort, 'must be greater than or equal to `port`'));
    errs.push(...validatePortNumber(`${path}.endPort`, p.endPort));
  }
  return errs;
}

function validatePeer(p: Json, path: string): FieldError[] {
  const n = (p?.podSelector ? 1 : 0) + (p?.namespaceSelector ? 1 : 0) + (p?.ipBlock ? 1 : 0);
  if (n === 0) return [field.required(path, 'must specify a peer')];
  if (p.ipBlock && n > 1) return [field.forbidden(path, 'may not specify both ipBlock and another peer')];
  if (!p.ipBlock) return [];
  const errs: FieldError[] = [];
  const cidr = p.ipBlock.cidr;
  if (!cidr) return [field.required(`${path}.ipBlock.cidr`)];
  const base = parseCidr(cidr);
  if (!base) return [field.invalid(`${path}.ipBlock.cidr`, cidr, CIDR_MSG)];
  (p.ipBlock.except ?? []).forEach((e: string, i: number) => {
    const ex = parseCidr(e);
    const ePath = `${path}.ipBlock.except[${i}]`;
    if (!ex) errs.push(field.invalid(ePath, e, CIDR_MSG));
    else if (!(ex.prefix > base.prefix && (ex.ip >>> 0) - ((ex.ip >>> 0) % 2 ** (32 - base.prefix)) === base.network)) {
      errs.push(field.invalid(ePath, e, 'must be a strict subset of `cidr`'));
    }
  });
  return errs;
}

function parseCidr(s: string): { ip: number; prefix: number; network: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(String(s));
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const ip = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  return { ip, prefix, network: ip - (ip % size) };
}
