import type { KubeObject } from '../api/types';
import type { VolumeDir, VolumePlugin } from './types';
import { newVolumeDir, populate } from './fs';
import { decodeBase64, fieldRefValue, resourceFieldValue } from './env';
import { sha } from './images/catalogue';

type Peek = (resource: string, namespace: string, name: string) => KubeObject | undefined;

export interface VolumeContext {
  pod: KubeObject;
  peek: Peek;
  plugins: VolumePlugin[];
  /** hostPath directories of the node, shared by every pod on it. */
  hostPaths: Map<string, VolumeDir>;
  /** Directories backing bound PVs when no storage plugin is installed (keyed by PV name). */
  fallbackPVs: Map<string, VolumeDir>;
  allocatable: Record<string, string>;
  /** Existing emptyDirs of this pod (kept across container restarts). */
  emptyDirs: Map<string, VolumeDir>;
}

export type MountResult = { dir: VolumeDir } | { error: string } | { pending: string };

const FAKE_CA = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubelabCAxDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAxMK\na3ViZXJuZXRlczAeFw0yNjAxMDUwOTAwMDBaFw0zNjAxMDMwOTA1MDBaMBUxEzAR\n-----END CERTIFICATE-----\n';

/** Keys → files for configMap/secret volumes (items select and rename keys). */
function keyFiles(data: Record<string, string>, items: { key: string; path: string }[] | undefined, kind: string, _ns: string, _name: string): Record<string, string> | { error: string } {
  if (!items?.length) return { ...data };
  const out: Record<string, string> = {};
  for (const it of items) {
    // volume/util MakePayload messages.
    if (!(it.key in data)) return { error: kind === 'Secret' ? `references non-existent secret key: ${it.key}` : `configmap references non-existent config key: ${it.key}` };
    out[it.path] = data[it.key];
  }
  return out;
}

function objectFiles(kind: 'ConfigMap' | 'Secret', ref: { name: string; items?: { key: string; path: string }[]; optional?: boolean }, ctx: VolumeContext): Record<string, string> | { error: string } {
  const ns = ctx.pod.metadata.namespace ?? 'default';
  const obj = ctx.peek(kind === 'ConfigMap' ? 'configmaps' : 'secrets', ns, ref.name);
  if (!obj) {
    if (ref.optional) return {};
    if (kind === 'ConfigMap' && ref.name === 'kube-root-ca.crt') return keyFiles({ 'ca.crt': FAKE_CA }, ref.items, kind, ns, ref.name);
    return { error: `${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${ref.name}" not found` };
  }
  const data: Record<string, string> = kind === 'ConfigMap' ? { ...obj.data } : Object.fromEntries(Object.entries(obj.data ?? {}).map(([k, v]) => [k, decodeBase64(v as string)]));
  return keyFiles(data, ref.items, kind, ns, ref.name);
}

function downwardFiles(items: KubeObject[], ctx: VolumeContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of items ?? []) {
    if (it.fieldRef) out[it.path] = fieldRefValue(ctx.pod, it.fieldRef.fieldPath);
    else if (it.resourceFieldRef) {
      const c = (ctx.pod.spec?.containers ?? []).find((x: KubeObject) => x.name === it.resourceFieldRef.containerName) ?? ctx.pod.spec?.containers?.[0];
      out[it.path] = resourceFieldValue(c, it.resourceFieldRef, ctx.allocatable, ctx.pod);
    }
  }
  return out;
}

/** A JWT-shaped stand-in, stable per pod, for contexts without the token plugin (unit tests of this file). */
function serviceAccountToken(pod: KubeObject): string {
  const h = sha(`token/${pod.metadata.uid}`);
  return `eyJhbGciOiJSUzI1NiIsImtpZCI6Im${h.slice(0, 20)}In0.eyJhdWQiOlsiaHR0cHM6Ly9rdWJlcm5ldGVzLmRlZmF1bHQuc3ZjLmNsdXN0ZXIubG9jYWwiXX0.${h}`;
}

/** The bound token from the kubelet's token plugin (sa-token.ts); the stand-in without one (unit contexts). */
function projectedToken(source: { path: string }, ctx: VolumeContext): Record<string, string> | { error: string } {
  const plugin = ctx.plugins.find((p) => p.source === 'serviceAccountToken');
  if (!plugin) return { [source.path]: serviceAccountToken(ctx.pod) };
  const r = plugin.setUp(ctx.pod, { serviceAccountToken: source } as unknown as KubeObject);
  if ('error' in r) return { error: r.error };
  if ('pending' in r) return { error: r.pending };
  return { [source.path]: r.dir.files.get(source.path) ?? '' };
}

function projectedFiles(sources: KubeObject[], ctx: VolumeContext): Record<string, string> | { error: string } {
  const out: Record<string, string> = {};
  for (const s of sources ?? []) {
    let files: Record<string, string> | { error: string } = {};
    if (s.configMap) files = objectFiles('ConfigMap', s.configMap, ctx);
    else if (s.secret) files = objectFiles('Secret', s.secret, ctx);
    else if (s.downwardAPI) files = downwardFiles(s.downwardAPI.items, ctx);
    else if (s.serviceAccountToken) files = projectedToken(s.serviceAccountToken, ctx);
    if ('error' in files && typeof files.error === 'string' && Object.keys(files).length === 1) return files as { error: string };
    Object.assign(out, files);
  }
  return out;
}

function filled(files: Record<string, string> | { error: string }): MountResult {
  if ('error' in files && Object.keys(files).length === 1 && typeof files.error === 'string') return { error: files.error };
  const dir = newVolumeDir(true);
  populate(dir, files as Record<string, string>);
  return { dir };
}

/**
 * MountVolume.SetUp for one volume of the pod. Errors carry the text the
 * kubelet puts after `MountVolume.SetUp failed for volume "<name>" : `.
 */
export function setUpVolume(volume: KubeObject, ctx: VolumeContext): MountResult {
  if (volume.emptyDir) {
    let d = ctx.emptyDirs.get(volume.name);
    if (!d) ctx.emptyDirs.set(volume.name, (d = newVolumeDir()));
    return { dir: d };
  }
  if (volume.configMap) return filled(objectFiles('ConfigMap', volume.configMap, ctx));
  if (volume.secret) return filled(objectFiles('Secret', { ...volume.secret, name: volume.secret.secretName }, ctx));
  if (volume.downwardAPI) return filled(downwardFiles(volume.downwardAPI.items, ctx));
  if (volume.projected) return filled(projectedFiles(volume.projected.sources, ctx));
  if (volume.hostPath) {
    // The node's filesystem (kubelet/node-fs.ts, registered by installKubelets); the map below
    // only serves contexts without it (unit tests of this file).
    const onNode = ctx.plugins.find((p) => p.source === 'hostPath');
    if (onNode) return onNode.setUp(ctx.pod, volume);
    const p = volume.hostPath.path as string;
    let d = ctx.hostPaths.get(p);
    if (!d) {
      if (volume.hostPath.type === 'Directory') return { error: `hostPath type check failed: ${p} is not a directory` };
      if (volume.hostPath.type === 'File') return { error: `hostPath type check failed: ${p} is not a file` };
      ctx.hostPaths.set(p, (d = newVolumeDir()));
    }
    return { dir: d };
  }
  const source = Object.keys(volume).find((k) => k !== 'name');
  const plugin = ctx.plugins.find((p) => p.source === source);
  if (plugin) return plugin.setUp(ctx.pod, volume);
  if (volume.persistentVolumeClaim) return fallbackClaim(volume, ctx);
  let d = ctx.emptyDirs.get(volume.name);
  if (!d) ctx.emptyDirs.set(volume.name, (d = newVolumeDir()));
  return { dir: d };
}

/** Without a storage plugin: a bound claim gets a directory per PV (data survives pods); unbound waits. */
function fallbackClaim(volume: KubeObject, ctx: VolumeContext): MountResult {
  const ns = ctx.pod.metadata.namespace ?? 'default';
  const claim = volume.persistentVolumeClaim.claimName;
  const pvc = ctx.peek('persistentvolumeclaims', ns, claim);
  if (!pvc) return { error: `persistentvolumeclaim "${claim}" not found` };
  const pv = pvc.spec?.volumeName;
  if (!pv) return { pending: `unbound immediate PersistentVolumeClaims` };
  // A hostPath PV (a static one, or the local-path provisioner's) is the directory on the node.
  const hostPath = ctx.peek('persistentvolumes', '', pv)?.spec?.hostPath;
  const onNode = ctx.plugins.find((p) => p.source === 'hostPath');
  if (hostPath && onNode) return onNode.setUp(ctx.pod, { name: volume.name, hostPath } as unknown as KubeObject);
  let d = ctx.fallbackPVs.get(pv);
  if (!d) ctx.fallbackPVs.set(pv, (d = newVolumeDir()));
  return { dir: d };
}

/** Whether a volume's content follows its source object (refreshed when the object changes). */
export function volumeSourceRefs(volume: KubeObject): { kind: 'configmaps' | 'secrets'; name: string }[] {
  if (volume.configMap) return [{ kind: 'configmaps', name: volume.configMap.name }];
  if (volume.secret) return [{ kind: 'secrets', name: volume.secret.secretName }];
  if (volume.projected) {
    return (volume.projected.sources ?? []).flatMap((s: KubeObject) => (s.configMap ? [{ kind: 'configmaps' as const, name: s.configMap.name }] : s.secret ? [{ kind: 'secrets' as const, name: s.secret.name }] : []));
  }
  return [];
}
