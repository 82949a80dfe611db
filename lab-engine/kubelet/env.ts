import type { KubeObject } from '../api/types';
import { quantityValue } from '../api/quantity';

type Peek = (resource: string, namespace: string, name: string) => KubeObject | undefined;

/** Why a container cannot be created (CreateContainerConfigError), with the kubelet's message. */
export class ContainerConfigError extends Error {}

export function decodeBase64(s: string): string {
  try {
    const bin = atob(s);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return s;
  }
}

/** fieldRef paths (pkg/api/v1/pod ExtractFieldPathAsString + kubelet's podFieldSelectorRuntimeValue). */
export function fieldRefValue(pod: KubeObject, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return pod.metadata[m[1] as 'labels' | 'annotations']?.[m[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'metadata.labels':
      return formatMap(pod.metadata.labels);
    case 'metadata.annotations':
      return formatMap(pod.metadata.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((x: { ip: string }) => x.ip).join(',');
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((x: { ip: string }) => x.ip).join(',');
    default:
      return '';
  }
}

function formatMap(m: Record<string, string> | undefined): string {
  return Object.entries(m ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}="${v}"`)
    .join('\n');
}

/** resourceFieldRef (pkg/api/v1/resource ExtractContainerResourceValue): limits default to node allocatable. */
export function resourceFieldValue(container: KubeObject, ref: { resource: string; divisor?: string; containerName?: string }, allocatable: Record<string, string>, pod?: KubeObject): string {
  const target = ref.containerName && pod ? [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === ref.containerName) ?? container : container;
  const [kind, res] = ref.resource.split('.');
  let v = kind === 'limits' ? target.resources?.limits?.[res] : target.resources?.requests?.[res];
  if (v === undefined && kind === 'limits') v = allocatable[res];
  const value = quantityValue(v ?? '0');
  const divisor = quantityValue(ref.divisor ?? '1') || 1;
  return String(Math.ceil(value / divisor - 1e-9));
}

export interface EnvInput {
  pod: KubeObject;
  container: KubeObject;
  peek: Peek;
  /** Image ENV (PATH first). */
  imageEnv: Record<string, string>;
  /** Service link variables (already formatted), added only if not defined. */
  serviceEnv: Record<string, string>;
  allocatable: Record<string, string>;
}

/**
 * kubelet makeEnvironmentVariables (pkg/kubelet/kubelet_pods.go): envFrom,
 * then env with $(VAR) expansion, then service links; throws
 * ContainerConfigError with the kubelet's messages for missing objects/keys.
 */
export function resolveEnv(input: EnvInput): Record<string, string> {
  const { pod, container, peek } = input;
  const ns = pod.metadata.namespace ?? 'default';
  const out: Record<string, string> = { PATH: input.imageEnv.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: pod.spec?.hostname ?? pod.metadata.name ?? '' };
  for (const [k, v] of Object.entries(input.imageEnv)) if (k !== 'PATH') out[k] = v;
  const defined: Record<string, string> = {};
  for (const ef of container.envFrom ?? []) {
    const isCm = !!ef.configMapRef;
    const ref = ef.configMapRef ?? ef.secretRef;
    const obj = peek(isCm ? 'configmaps' : 'secrets', ns, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      throw new ContainerConfigError(`${isCm ? 'configmap' : 'secret'} "${ref.name}" not found`);
    }
    const data: Record<string, string> = isCm ? { ...obj.data } : Object.fromEntries(Object.entries(obj.data ?? {}).map(([k, v]) => [k, decodeBase64(v as string)]));
    for (const [k, v] of Object.entries(data)) defined[`${ef.prefix ?? ''}${k}`] = v;
  }
  for (const e of container.env ?? []) defined[e.name] = envValue(e, input, { ...input.serviceEnv, ...defined });
  for (const [k, v] of Object.entries(input.serviceEnv)) if (!(k in defined)) out[k] = v;
  Object.assign(out, defined);
  if (!out.HOME) out.HOME = '/root';
  return out;
}

function envValue(e: KubeObject, input: EnvInput, known: Record<string, string>): string {
  const ns = input.pod.metadata.namespace ?? 'default';
  if (e.value !== undefined) return expandRefs(String(e.value), known);
  const vf = e.valueFrom;
  if (!vf) return '';
  if (vf.fieldRef) return fieldRefValue(input.pod, vf.fieldRef.fieldPath);
  if (vf.resourceFieldRef) return resourceFieldValue(input.container, vf.resourceFieldRef, input.allocatable, input.pod);
  const isCm = !!vf.configMapKeyRef;
  const ref = vf.configMapKeyRef ?? vf.secretKeyRef;
  if (!ref) return '';
  const obj = input.peek(isCm ? 'configmaps' : 'secrets', ns, ref.name);
  if (!obj) {
    if (ref.optional) return '';
    throw new ContainerConfigError(`${isCm ? 'configmap' : 'secret'} "${ref.name}" not found`);
  }
  const raw = isCm ? (obj.data?.[ref.key] ?? obj.binaryData?.[ref.key]) : obj.data?.[ref.key];
  if (raw === undefined) {
    if (ref.optional) return '';
    throw new ContainerConfigError(`couldn't find key ${ref.key} in ${isCm ? 'ConfigMap' : 'Secret'} ${ns}/${ref.name}`);
  }
  return isCm ? raw : decodeBase64(raw);
}

/** $(VAR) references (third_party/forked/golang/expansion): $$ escapes, unknown refs stay literal. */
export function expandRefs(s: string, vars: Record<string, string>): string {
  return s.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name) => {
    if (m === '$$') return '$';
    return name in vars ? vars[name] : m;
  });
}

/** Docker-link style variables for the Services of a namespace (pkg/kubelet/envvars). */
export function serviceEnv(services: KubeObject[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const svc of services) {
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === 'None' || svc.spec?.type === 'ExternalName') continue;
    const name = svc.metadata.name!.toUpperCase().replace(/-/g, '_');
    const ports = svc.spec?.ports ?? [];
    if (!ports.length) continue;
    out[`${name}_SERVICE_HOST`] = ip;
    out[`${name}_SERVICE_PORT`] = String(ports[0].port);
    for (const p of ports) if (p.name) out[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
    const proto = (ports[0].protocol ?? 'TCP').toLowerCase();
    out[`${name}_PORT`] = `${proto}://${ip}:${ports[0].port}`;
    for (const p of ports) {
      const pr = (p.protocol ?? 'TCP').toUpperCase();
      const prefix = `${name}_PORT_${p.port}_${pr}`;
      out[prefix] = `${pr.toLowerCase()}://${ip}:${p.port}`;
      out[`${prefix}_PROTO`] = pr.toLowerCase();
      out[`${prefix}_PORT`] = String(p.port);
      out[`${prefix}_ADDR`] = ip;
    }
  }
  return out;
}
