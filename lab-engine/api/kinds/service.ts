import type { KindDef } from '../registry';
import type { KubeObject, Json } from '../types';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { validateDns1035Label, validateDns1123Label, validateLabels, validatePortName, validatePortNumber } from '../validation/names';
import { DNS1123_SUBDOMAIN, DNS1123_SUBDOMAIN_MSG } from '../validation/object-meta';

/**
 * Service: SetDefaults_Service (pkg/apis/core/v1/defaults.go), the registry
 * strategy (pkg/registry/core/service/strategy.go: PrepareForCreate,
 * PrepareForUpdate, dropTypeDependentFields, patchAllocatedValues) and
 * ValidateService / ValidateServiceUpdate (pkg/apis/core/validation).
 * ClusterIP and NodePort allocation (the service REST storage's BeginCreate)
 * is done by the network's allocator (network/allocator), which runs after
 * validation like upstream's allocateCreate.
 */
export const service: KindDef = {
  ...discoveryFor('services', ''),
  hasGeneration: false,
  prepareForCreate(obj) {
    obj.spec = obj.spec ?? {};
    obj.status = { loadBalancer: {} };
    normalizeClusterIPs(obj, undefined);
  },
  prepareForUpdate(obj, old) {
    obj.spec = obj.spec ?? {};
    patchAllocatedValues(obj, old);
    normalizeClusterIPs(obj, old);
    dropTypeDependentFields(obj, old);
  },
  defaults(obj, ctx) {
    const old = obj.metadata.uid ? ctx.peek('services', obj.metadata.namespace ?? '', obj.metadata.name ?? '') : undefined;
    setDefaultsService(obj);
    initIPFamilyFields(obj, old);
  },
  validate: validateService,
  validateUpdate: validateServiceUpdate,
};

export const DEFAULT_CLIENT_IP_TIMEOUT_SECONDS = 10800;
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const KUBELET_PORT = 10250;

export function isHeadless(svc: KubeObject): boolean {
  return svc.spec?.clusterIP === 'None' || svc.spec?.clusterIPs?.[0] === 'None';
}

function needsNodePorts(type: string | undefined): boolean {
  return type === 'NodePort' || type === 'LoadBalancer';
}

function externallyAccessible(spec: Json): boolean {
  return needsNodePorts(spec.type) || (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0);
}

/** SetDefaults_Service. */
function setDefaultsService(obj: KubeObject): void {
  const spec = obj.spec;
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT_SECONDS } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const sp of spec.ports ?? []) {
    if (!sp || typeof sp !== 'object') continue;
    if (!sp.protocol) sp.protocol = 'TCP';
    if (sp.targetPort === undefined || sp.targetPort === 0 || sp.targetPort === '') sp.targetPort = sp.port;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
  // LoadBalancerIPMode (beta, on in v1.32): ingress points with an IP get ipMode VIP.
  if (spec.type === 'LoadBalancer') {
    for (const ing of obj.status?.loadBalancer?.ingress ?? []) if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
  }
}

/**
 * The single-stack part of the allocator's initIPFamilyFields
 * (pkg/registry/core/service/storage/alloc.go): policy SingleStack unless
 * headless+selectorless (RequireDualStack; families then list both, which a
 * single-stack cluster tolerates for headless services).
 */
function initIPFamilyFields(obj: KubeObject, old: KubeObject | undefined): void {
  const spec = obj.spec;
  if (spec.type === 'ExternalName') return;
  const selectorless = !spec.selector || Object.keys(spec.selector).length === 0;
  if (!spec.ipFamilyPolicy) {
    if (old?.spec?.ipFamilyPolicy) spec.ipFamilyPolicy = old.spec.ipFamilyPolicy;
    else if (spec.clusterIP === 'None' && selectorless) spec.ipFamilyPolicy = 'RequireDualStack';
    else spec.ipFamilyPolicy = 'SingleStack';
  }
  if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
  if (spec.clusterIP === 'None' && selectorless && spec.ipFamilyPolicy !== 'SingleStack' && spec.ipFamilies.length < 2) {
    spec.ipFamilies = [...spec.ipFamilies, spec.ipFamilies[0] === 'IPv4' ? 'IPv6' : 'IPv4'];
  }
}

/** NormalizeClusterIPs (pkg/registry/core/service/strategy.go): keep clusterIP and clusterIPs[0] in step. */
function normalizeClusterIPs(obj: KubeObject, old: KubeObject | undefined): void {
  const spec = obj.spec;
  const ips: string[] | undefined = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : undefined;
  if (old) {
    const o = old.spec ?? {};
    // clusterIP changed to empty while clusterIPs kept: user intent is to clear both (ExternalName).
    if (!spec.clusterIP && o.clusterIP && ips && ips.length && sameList(ips, o.clusterIPs)) {
      delete spec.clusterIPs;
      return;
    }
    // clusterIP changed, clusterIPs untouched: follow clusterIP.
    if (spec.clusterIP && spec.clusterIP !== o.clusterIP && ips && sameList(ips, o.clusterIPs)) {
      spec.clusterIPs = [spec.clusterIP];
      return;
    }
  }
  if (spec.clusterIP && (!ips || ips.length === 0)) spec.clusterIPs = [spec.clusterIP];
  else if (!spec.clusterIP && ips && ips.length) spec.clusterIP = ips[0];
}

function sameList(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * patchAllocatedValues (service REST): a PUT that omits allocated values
 * (clusterIP, nodePorts, healthCheckNodePort) keeps the old ones, so
 * `kubectl replace` of an edited manifest does not reallocate.
 */
function patchAllocatedValues(obj: KubeObject, old: KubeObject): void {
  const spec = obj.spec;
  const o = old.spec ?? {};
  if (spec.type !== 'ExternalName' && o.type !== 'ExternalName') {
    if (!spec.clusterIP && (!spec.clusterIPs || spec.clusterIPs.length === 0)) {
      if (o.clusterIP !== undefined) spec.clusterIP = o.clusterIP;
      if (o.clusterIPs !== undefined) spec.clusterIPs = [...o.clusterIPs];
    }
  }
  if (needsNodePorts(o.type) && needsNodePorts(spec.type)) {
    for (const p of spec.ports ?? []) {
      if (!p || p.nodePort) continue;
      const match = (o.ports ?? []).find((q: Json) => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      if (match?.nodePort) p.nodePort = match.nodePort;
    }
  }
  if (o.healthCheckNodePort && !spec.healthCheckNodePort && spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
    spec.healthCheckNodePort = o.healthCheckNodePort;
  }
}

/** dropTypeDependentFields: fields only meaningful for the old type go when the type changes (if unchanged by the user). */
function dropTypeDependentFields(obj: KubeObject, old: KubeObject): void {
  const spec = obj.spec;
  const o = old.spec ?? {};
  if (spec.type === o.type) return;
  if (spec.type === 'ExternalName') {
    if (sameList(spec.clusterIPs, o.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameList(spec.ipFamilies, o.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === o.ipFamilyPolicy) delete spec.ipFamilyPolicy;
    if (spec.internalTrafficPolicy === o.internalTrafficPolicy) delete spec.internalTrafficPolicy;
  }
  if (!needsNodePorts(spec.type)) {
    const oldPorts = new Map<number, number>((o.ports ?? []).map((p: Json) => [p.port, p.nodePort]));
    for (const p of spec.ports ?? []) if (p?.nodePort && oldPorts.get(p.port) === p.nodePort) delete p.nodePort;
  }
  if (spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass === o.loadBalancerClass) delete spec.loadBalancerClass;
    if (spec.healthCheckNodePort === o.healthCheckNodePort) delete spec.healthCheckNodePort;
  }
  if (!externallyAccessible(spec) && spec.externalTrafficPolicy === o.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}

// ---- validation ---------------------------------------------------------------

/** ValidateService (pkg/apis/core/validation/validation.go). */
export function validateService(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = obj.spec ?? {};
  if (obj.metadata.name) errs.push(...validateDns1035Label('metadata.name', obj.metadata.name));
  const headless = isHeadless(obj);
  const ports: Json[] = Array.isArray(spec.ports) ? spec.ports : [];
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(field.required('spec.ports'));
  errs.push(...validateTypeSpecific(spec, ports, headless));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p ?? {}, ports.length > 1, names, `spec.ports[${i}]`)));
  if (spec.selector) errs.push(...validateLabels('spec.selector', spec.selector));
  errs.push(...validateSessionAffinity(spec));
  errs.push(...validateClusterIPs(spec));
  (spec.externalIPs ?? []).forEach((ip: string, i: number) => {
    if (!isValidIP(ip)) errs.push(field.invalid(`spec.externalIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  if (!spec.type) errs.push(field.required('spec.type'));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(field.notSupported('spec.type', spec.type, SERVICE_TYPES));
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p?.nodePort) errs.push(field.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  errs.push(...validateDuplicatePorts(ports));
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}

function validateTypeSpecific(spec: Json, ports: Json[], headless: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.type === 'LoadBalancer') {
    if (headless) errs.push(field.invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
    ports.forEach((p, i) => {
      if (p?.port === KUBELET_PORT) errs.push(field.invalid(`spec.ports[${i}]`, p.port, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`));
    });
  } else if (spec.type === 'NodePort') {
    if (headless) errs.push(field.invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  } else if (spec.type === 'ExternalName') {
    if ((spec.clusterIPs?.length ?? 0) > 0) errs.push(field.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if ((spec.ipFamilies?.length ?? 0) > 0) errs.push(field.forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy) errs.push(field.forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = String(spec.externalName ?? '').replace(/\.$/, '');
    if (!cname) errs.push(field.required('spec.externalName'));
    else if (cname.length > 253) errs.push(field.invalid('spec.externalName', cname, 'must be no more than 253 characters'));
    else if (!DNS1123_SUBDOMAIN.test(cname)) errs.push(field.invalid('spec.externalName', cname, DNS1123_SUBDOMAIN_MSG));
  }
  return errs;
}

function validateServicePort(sp: Json, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(field.required(`${path}.name`));
  else if (sp.name) {
    errs.push(...validateDns1123Label(`${path}.name`, sp.name));
    if (names.has(sp.name)) errs.push(field.duplicate(`${path}.name`, sp.name));
    else names.add(sp.name);
  }
  errs.push(...validatePortNumber(`${path}.port`, sp.port));
  if (!sp.protocol) errs.push(field.required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(field.notSupported(`${path}.protocol`, sp.protocol, PROTOCOLS));
  if (typeof sp.targetPort === 'string') errs.push(...validatePortName(`${path}.targetPort`, sp.targetPort));
  else if (sp.targetPort !== undefined) errs.push(...validatePortNumber(`${path}.targetPort`, sp.targetPort));
  return errs;
}

function validateSessionAffinity(spec: Json): FieldError[] {
  const errs: FieldError[] = [];
  const aff = spec.sessionAffinity;
  if (!aff) errs.push(field.required('spec.sessionAffinity'));
  else if (aff !== 'ClientIP' && aff !== 'None') errs.push(field.notSupported('spec.sessionAffinity', aff, ['ClientIP', 'None']));
  if (aff === 'ClientIP') {
    const t = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (typeof t !== 'number' || t <= 0 || t > 86400) {
      errs.push(field.invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', t ?? 0, 'must be greater than 0 and less than 86400'));
    }
  } else if (aff === 'None' && spec.sessionAffinityConfig) {
    errs.push(field.forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  return errs;
}

/** ValidateServiceClusterIPsRelatedFields (pkg/apis/core/validation/validation.go). */
function validateClusterIPs(spec: Json): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.type === 'ExternalName') return errs;
  const ips: string[] = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  if (spec.clusterIP) {
    if (ips.length === 0) errs.push(field.required('spec.clusterIPs'));
    else if (ips[0] !== spec.clusterIP) errs.push(field.invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  } else if (ips.length) {
    errs.push(field.invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  (spec.ipFamilies ?? []).forEach((f: string, i: number) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(field.notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(field.duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  if (spec.ipFamilyPolicy && !['SingleStack', 'PreferDualStack', 'RequireDualStack'].includes(spec.ipFamilyPolicy)) {
    errs.push(field.notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(field.invalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
      return;
    }
    if (!isValidIP(ip)) errs.push(field.invalid(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  if (ips.length > 2) errs.push(field.invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  if (spec.loadBalancerClass !== undefined && spec.type !== 'LoadBalancer') {
    errs.push(field.forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}

function validateDuplicatePorts(ports: Json[]): FieldError[] {
  const errs: FieldError[] = [];
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p?.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(field.duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p?.protocol}/${p?.port}`;
    if (seen.has(key)) {
      // field.Duplicate(portPath, core.ServicePort{Protocol, Port}) formats the Go struct with %#v.
      errs.push({ type: 'FieldValueDuplicate', field: `spec.ports[${i}]`, badValue: field.omitValue, detail: goServicePort(p) });
    }
    seen.add(key);
  });
  return errs;
}

function goServicePort(p: Json): string {
  return `core.ServicePort{Name:"", Protocol:"${p.protocol}", AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

function validateTrafficPolicies(spec: Json): FieldError[] {
  const errs: FieldError[] = [];
  const etp = spec.externalTrafficPolicy;
  if (etp && !externallyAccessible(spec)) {
    errs.push(field.invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (etp && etp !== 'Cluster' && etp !== 'Local') {
    errs.push(field.notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  } else if (!etp && externallyAccessible(spec)) {
    errs.push(field.required('spec.externalTrafficPolicy'));
  }
  const itp = spec.internalTrafficPolicy;
  if (spec.type !== 'ExternalName') {
    if (!itp) errs.push(field.required('spec.internalTrafficPolicy'));
    else if (itp !== 'Cluster' && itp !== 'Local') errs.push(field.notSupported('spec.internalTrafficPolicy', itp, ['Cluster', 'Local']));
  }
  return errs;
}

/** ValidateServiceUpdate: the primary cluster IP may not change (except to/from ExternalName). */
export function validateServiceUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = obj.spec ?? {};
  const o = old.spec ?? {};
  if (spec.type !== 'ExternalName' && o.type !== 'ExternalName') {
    const before: string[] = o.clusterIPs ?? [];
    const after: string[] = spec.clusterIPs ?? [];
    if (before.length && after.length && before[0] !== after[0]) {
      errs.push(field.invalid('spec.clusterIPs[0]', after, 'may not change once set'));
    }
  }
  return errs;
}

function isValidIP(ip: unknown): boolean {
  if (typeof ip !== 'string') return false;
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(ip)) return ip.split('.').every((o) => Number(o) <= 255 && !(o.length > 1 && o[0] === '0'));
  return /^[0-9a-fA-F:]+$/.test(ip) && ip.includes(':');
}
