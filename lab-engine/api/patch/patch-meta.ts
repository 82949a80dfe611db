/**
 * patchStrategy / patchMergeKey struct tags of the Kubernetes types
 * (staging/src/k8s.io/api/*\/types.go), looked up by the field's name and
 * the path of field names above it (list indices dropped). Lists not listed
 * here are atomic (replaced whole), as upstream: tolerations, args, command,
 * envFrom, taints, rules, …
 */
export interface ListStrategy {
  strategy: 'merge';
  /** Merge key for lists of objects; undefined for sets of primitives (finalizers). */
  key?: string;
}

const ANYWHERE: Record<string, ListStrategy> = {
  containers: { strategy: 'merge', key: 'name' },
  initContainers: { strategy: 'merge', key: 'name' },
  ephemeralContainers: { strategy: 'merge', key: 'name' },
  volumes: { strategy: 'merge', key: 'name' },
  imagePullSecrets: { strategy: 'merge', key: 'name' },
  hostAliases: { strategy: 'merge', key: 'ip' },
  env: { strategy: 'merge', key: 'name' },
  volumeMounts: { strategy: 'merge', key: 'mountPath' },
  volumeDevices: { strategy: 'merge', key: 'devicePath' },
  conditions: { strategy: 'merge', key: 'type' },
  ownerReferences: { strategy: 'merge', key: 'uid' },
  finalizers: { strategy: 'merge' },
  podIPs: { strategy: 'merge', key: 'ip' },
  hostIPs: { strategy: 'merge', key: 'ip' },
  podCIDRs: { strategy: 'merge' },
  topologySpreadConstraints: { strategy: 'merge', key: 'topologyKey' },
  resourceClaims: { strategy: 'merge', key: 'name' },
  schedulingGates: { strategy: 'merge', key: 'name' },
};

/** Strategy of the list at `path` (field names from the object root, e.g. ['spec','template','spec','containers']). */
export function listStrategy(path: string[]): ListStrategy | undefined {
  const name = path[path.length - 1];
  const parent = path[path.length - 2];
  if (name === 'ports') {
    // Container ports merge on containerPort; Service ports on port.
    if (parent && ['containers', 'initContainers', 'ephemeralContainers'].includes(parent)) return { strategy: 'merge', key: 'containerPort' };
    if (parent === 'spec' && path.length === 2) return { strategy: 'merge', key: 'port' };
    return undefined;
  }
  if (name === 'addresses' && parent === 'status') return { strategy: 'merge', key: 'type' };
  if (name === 'conditions' && path.length >= 2 && parent !== 'status') return undefined;
  return ANYWHERE[name];
}
