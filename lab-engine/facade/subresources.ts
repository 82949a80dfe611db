import { tokenRequest } from './token';
import type { ClusterContext } from '../sim/context';
import type { ApiClient } from '../api/client';
import type { KindDef } from '../api/registry';
import type { KubeObject } from '../api/types';
import { badRequest, methodNotSupported, notFound } from '../api/errors';
import type { KubeletService } from '../kubelet/types';
import type { PatchType } from '../api/patch';
import type { FacadeRequest, FacadeResponse, ResourcePath } from './types';
import { json } from './status';
import { parse as parseYaml } from 'yaml';

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
};

/** status, scale, log, eviction, binding (pkg/registry/<kind>/storage). */
export function handleSubresource(cluster: ClusterContext, api: ApiClient, def: KindDef, rp: ResourcePath, req: FacadeRequest): FacadeResponse {
  const ns = rp.namespace ?? '';
  const name = rp.name!;
  const method = req.method.toUpperCase();
  switch (rp.subresource) {
    case 'status':
      return status(api, def, ns, name, req);
    case 'scale':
      return scale(api, def, ns, name, req);
    case 'log':
      if (def.resource !== 'pods' || method !== 'GET') break;
      return log(cluster, api, def, ns, name, req);
    case 'eviction':
      if (def.resource !== 'pods' || method !== 'POST') break;
      return evict(cluster, api, def, ns, name, req);
    case 'binding':
      if (def.resource !== 'pods' || method !== 'POST') break;
      return bind(api, def, ns, name, req);
    case 'token':
      if (def.resource !== 'serviceaccounts' || method !== 'POST') break;
      return json(201, tokenRequest(cluster, api.get(def, ns, name), JSON.parse(req.body ?? '{}')));
  }
  throw notFound({ group: def.group, resource: `${def.resource}/${rp.subresource}` }, name);
}

function status(api: ApiClient, def: KindDef, ns: string, name: string, req: FacadeRequest): FacadeResponse {
  const method = req.method.toUpperCase();
  if (method === 'GET') return json(200, api.get(def, ns, name));
  if (method === 'PUT') return json(200, api.updateStatus(JSON.parse(req.body ?? '{}')));
  if (method === 'PATCH') {
    const type = PATCH_TYPES[(req.headers['content-type'] ?? '').split(';')[0].trim()] ?? 'merge';
    return json(200, api.patch(def, ns, name, type, JSON.parse(req.body ?? '{}'), { subresource: 'status' }));
  }
  throw methodNotSupported(def, method.toLowerCase());
}

/** autoscaling/v1 Scale for deployments, replicasets, statefulsets, replicationcontrollers. */
function scale(api: ApiClient, def: KindDef, ns: string, name: string, req: FacadeRequest): FacadeResponse {
  if (!def.subresources?.includes('scale')) throw notFound({ group: def.group, resource: `${def.resource}/scale` }, name);
  const method = req.method.toUpperCase();
  let obj = api.get(def, ns, name);
  if (method === 'PUT' || method === 'PATCH') {
    const body = req.body ? (req.headers['content-type']?.includes('yaml') ? parseYaml(req.body) : JSON.parse(req.body)) : {};
    const replicas = body?.spec?.replicas;
    if (typeof replicas !== 'number') throw badRequest('spec.replicas is required');
    const rv = body?.metadata?.resourceVersion;
    obj = api.update({ ...obj, metadata: { ...obj.metadata, resourceVersion: rv ?? obj.metadata.resourceVersion }, spec: { ...obj.spec, replicas } });
  } else if (method !== 'GET') throw methodNotSupported(def, method.toLowerCase());
  return json(200, toScale(obj));
}

function toScale(obj: KubeObject) {
  const sel = obj.spec?.selector?.matchLabels ?? {};
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion, creationTimestamp: obj.metadata.creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0, selector: Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',') },
  };
}

function log(cluster: ClusterContext, api: ApiClient, def: KindDef, ns: string, name: string, req: FacadeRequest): FacadeResponse {
  api.get(def, ns, name);
  const kubelet = cluster.services.get('kubelet') as KubeletService | undefined;
  if (!kubelet) throw badRequest('no kubelet in this cluster');
  const q = req.query;
  const text = kubelet.logs(ns, name, {
    container: q.container,
    previous: q.previous === 'true',
    tailLines: q.tailLines !== undefined ? Number(q.tailLines) : undefined,
    sinceSeconds: q.sinceSeconds !== undefined ? Number(q.sinceSeconds) : undefined,
    sinceTime: q.sinceTime,
    timestamps: q.timestamps === 'true',
    limitBytes: q.limitBytes !== undefined ? Number(q.limitBytes) : undefined,
  });
  return { status: 200, headers: { 'content-type': 'text/plain' }, body: text };
}

/** policy/v1 Eviction: honours PodDisruptionBudgets through the 'eviction' service when installed. */
function evict(cluster: ClusterContext, api: ApiClient, def: KindDef, ns: string, name: string, req: FacadeRequest): FacadeResponse {
  const body = req.body ? JSON.parse(req.body) : {};
  const evictor = cluster.services.get('eviction') as { evict(ns: string, name: string, opts: unknown): void } | undefined;
  if (evictor) evictor.evict(ns, name, { deleteOptions: body.deleteOptions, user: api.user });
  else api.delete(def, ns, name, body.deleteOptions ?? {});
  return json(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

function bind(api: ApiClient, def: KindDef, ns: string, name: string, req: FacadeRequest): FacadeResponse {
  const body = JSON.parse(req.body ?? '{}');
  const pod = api.get(def, ns, name);
  if (pod.spec?.nodeName) throw badRequest(`pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
  api.update({ ...pod, spec: { ...pod.spec, nodeName: body?.target?.name } });
  return json(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}
