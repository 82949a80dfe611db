import type { Store } from './store';
import type { KubeObject } from './types';
import { cloneJson } from './clone';

/**
 * The etcd key space kube-apiserver writes (storage prefixes from
 * pkg/kubeapiserver/default_storage_factory_builder.go and each registry's
 * store: pods → /registry/pods/<ns>/<name>, nodes → /registry/minions/<name>,
 * services → /registry/services/specs/…, custom resources →
 * /registry/<group>/<plural>/…). For lessons that show what etcd holds.
 */
const PREFIX_OVERRIDES: Record<string, string> = {
  nodes: 'minions',
  services: 'services/specs',
  endpoints: 'services/endpoints',
  replicationcontrollers: 'controllers',
  'ingresses.networking.k8s.io': 'ingress',
  'customresourcedefinitions.apiextensions.k8s.io': 'apiextensions.k8s.io/customresourcedefinitions',
  'apiservices.apiregistration.k8s.io': 'apiregistration.k8s.io/apiservices',
};

/** The etcd prefix (without /registry/) for a store resource key. */
export function etcdPrefix(store: Store, resourceKey: string): string {
  if (PREFIX_OVERRIDES[resourceKey]) return PREFIX_OVERRIDES[resourceKey];
  const dot = resourceKey.indexOf('.');
  const resource = dot < 0 ? resourceKey : resourceKey.slice(0, dot);
  const group = dot < 0 ? '' : resourceKey.slice(dot + 1);
  const def = store.registry.forResource(resource, group);
  // Custom resources are stored under their group.
  if (def?.openAPIV3Schema !== undefined) return `${group}/${resource}`;
  return resource;
}

export function etcdKeyOf(store: Store, resourceKey: string, obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return `/registry/${etcdPrefix(store, resourceKey)}/${ns ? `${ns}/` : ''}${obj.metadata.name}`;
}

/** Every key, sorted as `etcdctl get / --prefix --keys-only` lists them (byte order). */
export function etcdKeys(store: Store, prefix = '/registry/'): string[] {
  const keys: string[] = [];
  for (const rk of store.resourceKeys()) {
    for (const obj of store.peekList(rk)) {
      const k = etcdKeyOf(store, rk, obj);
      if (k.startsWith(prefix)) keys.push(k);
    }
  }
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The object stored at a key (decoded; real etcd holds protobuf for built-in kinds, JSON for custom resources). */
export function etcdGet(store: Store, key: string): KubeObject | undefined {
  for (const rk of store.resourceKeys()) {
    const prefix = `/registry/${etcdPrefix(store, rk)}/`;
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length).split('/');
    const [ns, name] = rest.length === 2 ? rest : ['', rest[0]];
    const obj = store.peek(rk, ns, name);
    if (obj) return cloneJson(obj);
  }
  return undefined;
}
