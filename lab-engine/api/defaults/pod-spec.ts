import type { Json } from '../types';

/**
 * PodSpec defaulting as kube-apiserver applies it on decode
 * (pkg/apis/core/v1/defaults.go + zz_generated.defaults.go, v1.32).
 * `forPod` adds what SetDefaults_Pod does beyond SetDefaults_PodSpec
 * (enableServiceLinks, hostNetwork hostPorts); pod templates don't get those.
 */
export function defaultPodSpec(spec: Json, forPod: boolean): void {
  if (!spec || typeof spec !== 'object') return;
  // SetDefaults_PodSpec
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (spec.securityContext === undefined || spec.securityContext === null) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  for (const c of arr(spec.initContainers)) defaultContainer(c);
  for (const c of arr(spec.containers)) defaultContainer(c);
  for (const c of arr(spec.ephemeralContainers)) defaultContainer(c);
  for (const v of arr(spec.volumes)) defaultVolume(v);
  if (!forPod) return;
  // SetDefaults_Pod
  for (const c of [...arr(spec.initContainers), ...arr(spec.containers)]) defaultRequestsFromLimits(c);
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork) {
    // defaultHostNetworkPorts: hostPort follows containerPort on the host network.
    for (const c of [...arr(spec.initContainers), ...arr(spec.containers)]) {
      for (const p of arr(c.ports)) if (p.hostPort === undefined || p.hostPort === 0) p.hostPort = p.containerPort;
    }
  }
}

function arr(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : [];
}

/**
 * SetDefaults_Container: imagePullPolicy from the tag (parsers.ParseImageName:
 * no tag and no digest means "latest"), termination message path/policy, and
 * `resources: {}` (a struct, so always serialised).
 */
export function defaultContainer(c: Json): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  if (c.resources === undefined || c.resources === null) c.resources = {};
  for (const p of arr(c.ports)) if (!p.protocol) p.protocol = 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe && typeof probe === 'object') defaultProbe(probe);
  for (const h of [c.lifecycle?.postStart, c.lifecycle?.preStop]) if (h?.httpGet) defaultHttpGet(h.httpGet);
  for (const e of arr(c.env)) defaultEnvSource(e.valueFrom);
}

/** The tag parsers.ParseImageName reports: "latest" when neither tag nor digest is given, "" for digest only. */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) return name.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

function defaultProbe(p: Json): void {
  if (p.timeoutSeconds === undefined || p.timeoutSeconds === 0) p.timeoutSeconds = 1;
  if (p.periodSeconds === undefined || p.periodSeconds === 0) p.periodSeconds = 10;
  if (p.successThreshold === undefined || p.successThreshold === 0) p.successThreshold = 1;
  if (p.failureThreshold === undefined || p.failureThreshold === 0) p.failureThreshold = 3;
  if (p.httpGet) defaultHttpGet(p.httpGet);
  if (p.grpc && (p.grpc.service === undefined || p.grpc.service === null)) p.grpc.service = '';
}

function defaultHttpGet(h: Json): void {
  if (!h.path) h.path = '/';
  if (!h.scheme) h.scheme = 'HTTP';
}

function defaultEnvSource(from: Json): void {
  if (!from || typeof from !== 'object') return;
  if (from.fieldRef && !from.fieldRef.apiVersion) from.fieldRef.apiVersion = 'v1';
  if (from.resourceFieldRef && from.resourceFieldRef.divisor === undefined) from.resourceFieldRef.divisor = '0';
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
];

/** SetDefaults_Volume (no source → emptyDir) and the per-source defaultMode / type defaults. */
export function defaultVolume(v: Json): void {
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {};
  if (v.secret && v.secret.defaultMode === undefined) v.secret.defaultMode = 420;
  if (v.configMap && v.configMap.defaultMode === undefined) v.configMap.defaultMode = 420;
  if (v.downwardAPI) {
    if (v.downwardAPI.defaultMode === undefined) v.downwardAPI.defaultMode = 420;
    for (const item of arr(v.downwardAPI.items)) defaultEnvSource(item);
  }
  if (v.projected) {
    if (v.projected.defaultMode === undefined) v.projected.defaultMode = 420;
    for (const s of arr(v.projected.sources)) {
      for (const item of arr(s.downwardAPI?.items)) defaultEnvSource(item);
      if (s.serviceAccountToken && s.serviceAccountToken.expirationSeconds === undefined) s.serviceAccountToken.expirationSeconds = 3600;
    }
  }
  if (v.hostPath && v.hostPath.type === undefined) v.hostPath.type = '';
  if (v.iscsi && !v.iscsi.iscsiInterface) v.iscsi.iscsiInterface = 'default';
  if (v.image && !v.image.pullPolicy) v.image.pullPolicy = imageTag(v.image.reference ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
}

/** SetDefaults_Pod: limits without requests → requests = limits, per resource name. */
function defaultRequestsFromLimits(c: Json): void {
  const limits = c.resources?.limits;
  if (!limits || typeof limits !== 'object') return;
  const requests = c.resources.requests ?? {};
  let changed = false;
  for (const [k, v] of Object.entries(limits)) {
    if (requests[k] === undefined) {
      requests[k] = v;
      changed = true;
    }
  }
  if (changed || c.resources.requests) c.resources.requests = requests;
}
