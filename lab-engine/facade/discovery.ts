import type { Registry, ResourceInfo } from '../api/registry';
import { DISCOVERY } from '../api/discovery';

/**
 * Legacy discovery documents (/api, /apis, /api/v1, /apis/<g>/<v>) as
 * kube-apiserver v1.32 serves them. Built-in resources come from
 * api/discovery.ts; custom resources from the registry (CRDs).
 */
export function allResources(registry: Registry, metrics: boolean): ResourceInfo[] {
  const out = [...DISCOVERY];
  for (const def of registry.all()) {
    if (!out.some((r) => r.group === def.group && r.resource === def.resource)) out.push(def);
  }
  if (metrics) {
    out.push(
      { group: 'metrics.k8s.io', version: 'v1beta1', resource: 'nodes', singular: '', kind: 'NodeMetrics', namespaced: false, verbs: ['get', 'list'] },
      { group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods', singular: '', kind: 'PodMetrics', namespaced: true, verbs: ['get', 'list'] },
    );
  }
  return out;
}

export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroupList(resources: ResourceInfo[]) {
  const groups: string[] = [];
  for (const r of resources) if (r.group && !groups.includes(r.group)) groups.push(r.group);
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map((name) => {
      const version = resources.find((r) => r.group === name)!.version;
      const gv = { groupVersion: `${name}/${version}`, version };
      const extra = (EXTRA_VERSIONS[name] ?? []).map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
      return { name, versions: [gv, ...extra], preferredVersion: gv };
    }),
  };
}

/** Subresources with their own kind/group (pkg/registry/*: storage.go). */
const SUBRESOURCE_KINDS: Record<string, { kind: string; group?: string; version?: string; verbs: string[] }> = {
  status: { kind: '', verbs: ['get', 'patch', 'update'] },
  scale: { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
  log: { kind: 'Pod', verbs: ['get'] },
  eviction: { kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
  binding: { kind: 'Binding', verbs: ['create'] },
  exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  proxy: { kind: 'NodeProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  ephemeralcontainers: { kind: '', verbs: ['get', 'patch', 'update'] },
  resize: { kind: '', verbs: ['get', 'patch', 'update'] },
  token: { kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] },
  finalize: { kind: '', verbs: ['update'] },
  approval: { kind: '', verbs: ['get', 'patch', 'update'] },
};

/** Older versions kube-apiserver v1.32 still serves beside the preferred one (the facade converts). */
const EXTRA_VERSIONS: Record<string, string[]> = { autoscaling: ['v1'] };

export function apiResourceList(resources: ResourceInfo[], group: string, version: string) {
  if (group === 'autoscaling' && version === 'v1') {
    // autoscaling/v1 serves only HPAs (hpa-v1.ts converts them)
    const hpa = resources.filter((r) => r.group === 'autoscaling' && r.resource === 'horizontalpodautoscalers').map((r) => ({ ...r, version: 'v1' }));
    return resourceList(hpa, group, version);
  }
  return resourceList(resources, group, version);
}

function resourceList(resources: ResourceInfo[], group: string, version: string) {
  const list: Record<string, unknown>[] = [];
  for (const r of resources.filter((x) => x.group === group && x.version === version)) {
    list.push({
      name: r.resource,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
      ...(r.categories?.length ? { categories: r.categories } : {}),
    });
    for (const sub of r.subresources ?? []) {
      const s = SUBRESOURCE_KINDS[sub] ?? { kind: '', verbs: ['get'] };
      list.push({
        name: `${r.resource}/${sub}`,
        singularName: '',
        namespaced: r.namespaced,
        ...(s.group !== undefined ? { group: s.group, version: s.version } : {}),
        kind: s.kind || r.kind,
        verbs: s.verbs,
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources: list };
}
