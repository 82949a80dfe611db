import { parse as parseYaml } from 'yaml';
import type { ClusterContext } from '../sim/context';
import type { ApiClient } from '../api/client';
import type { KindDef } from '../api/registry';
import type { KubeObject, UserInfo } from '../api/types';
import { ADMIN_USER } from '../api/types';
import { badRequest, forbidden, genericStatus, methodNotSupported, notFound, tooLarge } from '../api/errors';
import type { PatchType } from '../api/patch';
import type { FacadeRequest, FacadeResponse, ResourcePath } from './types';
import { parseResourcePath } from './routes';
import { resourceKey } from '../api/store';
import { allResources, apiGroupList, apiResourceList, apiVersions } from './discovery';
import { openApiDocument, openApiIndex, type SchemaProvider } from './openapi';
import { errorResponse, json, notFoundPath } from './status';
import { handleSubresource } from './subresources';
import { handleReview } from './reviews';
import { handleMetrics, hasMetrics } from './metrics';
import { watchResponse } from './watch';
import { crdFor, tableForApi } from '../kubectl/printers';
import { decodeKubernetesProtobuf } from './protobuf/decode';
import { hpaBodyToV1, hpaV1ToV2 } from './hpa-v1';
import { engineSchemas } from './openapi-schemas';

export interface FacadeOptions {
  /** Address advertised in discovery (serverAddressByClientCIDRs). */
  serverAddress?: string;
  schemas?: SchemaProvider;
  /** Request bodies larger than this get 413 (kube-apiserver limits requests to 3 MiB). */
  maxBodyBytes?: number;
  /**
   * Called after every successful write (POST/PUT/PATCH/DELETE). A host whose virtual time
   * is frozen between requests (the oracle suite's manualTime server) runs the controllers'
   * work due at this instant here, as a real cluster's controllers would react at once.
   */
  afterWrite?: () => void;
}

export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac5c1ae19d',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:00:56Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

/**
 * The Kubernetes REST API over one engine cluster: a pure request → response
 * function (the Node server in scripts/kube-api-server.ts is only transport).
 */
export function createFacade(cluster: ClusterContext, opts: FacadeOptions = {}) {
  const maxBody = opts.maxBodyBytes ?? 3 * 1024 * 1024;
  const resources = () => allResources(cluster.registry, hasMetrics(cluster));

  function handle(req: FacadeRequest): FacadeResponse {
    const res = route(req);
    if (opts.afterWrite && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) && res.status < 300) opts.afterWrite();
    return res;
  }

  function route(req: FacadeRequest): FacadeResponse {
    try {
      if ((req.body?.length ?? 0) > maxBody || (req.bodyBytes?.length ?? 0) > maxBody) throw tooLarge('Request entity too large: limit is 3145728');
      if ((req.headers['content-type'] ?? '').includes('protobuf')) req = fromProtobuf(req);
      const fixed = fixedRoute(req);
      if (fixed) return fixed;
      const rp = parseResourcePath(req.path);
      if (!rp) return notFoundPath(req.path);
      if (rp.group === 'metrics.k8s.io') return handleMetrics(cluster, rp, req);
      const api = cluster.api(impersonatedUser(req));
      if (rp.group === 'authorization.k8s.io' || rp.group === 'authentication.k8s.io') return handleReview(cluster, api, rp, req);
      if (rp.group === 'autoscaling' && rp.version === 'v1' && rp.resource === 'horizontalpodautoscalers') return hpaV1(rp, req);
      const def = cluster.registry.forResource(rp.resource, rp.group);
      if (!def) return unbackedResource(rp, req);
      if (def.version !== rp.version) return notFoundPath(req.path);
      return handleResource(api, def, rp, req);
    } catch (e) {
      return errorResponse(e);
    }
  }

  function fixedRoute(req: FacadeRequest): FacadeResponse | undefined {
    const p = req.path.replace(/\/+$/, '') || '/';
    if (p === '/version') return json(200, VERSION_INFO);
    if (p === '/healthz' || p === '/livez' || p === '/readyz') return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
    if (p === '/api') return json(200, apiVersions(opts.serverAddress ?? '192.168.0.10:6443'));
    if (p === '/apis') return json(200, apiGroupList(resources()));
    if (p === '/openapi/v3') return json(200, openApiIndex(resources()));
    const oa = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(p);
    if (oa) return json(200, openApiDocument(resources(), oa[2] ?? '', oa[1] ?? oa[3], opts.schemas ?? engineSchemas));
    if (p === '/openapi/v2') return json(404, { message: 'openapi v2 is not served by this simulator; use v3' });
    const gv = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(p);
    if (gv) {
      const group = gv[2] ?? '';
      const version = gv[1] ?? gv[3];
      const list = apiResourceList(resources(), group, version);
      return list.resources.length ? json(200, list) : notFoundPath(req.path);
    }
    return undefined;
  }

  /**
   * Resources discovery advertises but the engine has no kind for (e.g.
   * replicationcontrollers): always empty, so `kubectl get all` lists them
   * like an idle kube-apiserver instead of failing.
   */
  /** autoscaling/v1 HPAs: served from the v2 objects (hpa-v1.ts); watches and tables pass through. */
  function hpaV1(rp: ResourcePath, req: FacadeRequest): FacadeResponse {
    const def = cluster.registry.forResource('horizontalpodautoscalers', 'autoscaling');
    if (!def) return notFoundPath(req.path);
    const method = req.method.toUpperCase();
    let body = req.body;
    if (body && (method === 'POST' || method === 'PUT')) body = JSON.stringify(hpaV1ToV2(parseBody(req) as KubeObject));
    const res = handleResource(cluster.api(impersonatedUser(req)), def, { ...rp, version: def.version }, { ...req, body });
    if (res.watch || !res.body || res.status >= 300 || isTable(req)) return res;
    return { ...res, body: hpaBodyToV1(res.body) };
  }

  function unbackedResource(rp: ResourcePath, req: FacadeRequest): FacadeResponse {
    const info = resources().find((r) => r.group === rp.group && r.version === rp.version && r.resource === rp.resource);
    if (!info || rp.subresource) return notFoundPath(req.path);
    const method = req.method.toUpperCase();
    if (rp.name) {
      if (method === 'GET' || method === 'DELETE' || method === 'PATCH' || method === 'PUT') throw notFound(info, rp.name);
      throw methodNotSupported(info, method.toLowerCase());
    }
    if (method !== 'GET') throw forbidden(info, '', `this simulator does not implement ${info.resource}`);
    if (req.query.watch === 'true' || req.query.watch === '1') return { status: 200, headers: { 'content-type': 'application/json' }, watch: () => () => undefined };
    const rv = cluster.store.resourceVersion();
    if (isTable(req)) return json(200, tableForApi(info, [], { nowMs: cluster.clock.nowMs(), resourceVersion: String(rv) }));
    return json(200, { kind: `${info.kind}List`, apiVersion: rp.group ? `${rp.group}/${rp.version}` : rp.version, metadata: { resourceVersion: String(rv) }, items: [] });
  }

  function handleResource(api: ApiClient, def: KindDef, rp: ResourcePath, req: FacadeRequest): FacadeResponse {
    const ns = rp.namespace ?? (def.namespaced ? undefined : '');
    if (rp.subresource) return handleSubresource(cluster, api, def, rp, req);
    const writeOpts = {
      dryRun: req.query.dryRun === 'All',
      fieldValidation: (req.query.fieldValidation as 'Strict' | 'Warn' | 'Ignore' | undefined) ?? 'Ignore',
      fieldManager: req.query.fieldManager,
    };
    const method = req.method.toUpperCase();
    if (!rp.name) {
      if (method === 'GET') return listOrWatch(api, def, rp, req);
      if (method === 'POST') {
        const obj = parseBody(req) as KubeObject;
        if (def.namespaced) obj.metadata = { ...obj.metadata, namespace: obj.metadata?.namespace ?? rp.namespace };
        if (def.namespaced && rp.namespace && obj.metadata.namespace !== rp.namespace) {
          throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
        }
        return json(201, api.create(obj, writeOpts));
      }
      if (method === 'DELETE') return deleteCollection(api, def, rp, req);
      throw methodNotSupported(def, method.toLowerCase());
    }
    const name = rp.name;
    switch (method) {
      case 'GET': {
        const obj = api.get(def, ns ?? 'default', name);
        return isTable(req) ? json(200, table(def, [obj], req)) : json(200, obj);
      }
      case 'PUT': {
        const obj = parseBody(req) as KubeObject;
        if (obj.metadata?.name !== name) throw badRequest('the name of the object (' + (obj.metadata?.name ?? '') + ') does not match the name on the URL (' + name + ')');
        return json(200, api.update(obj, writeOpts));
      }
      case 'PATCH': {
        const type = PATCH_TYPES[(req.headers['content-type'] ?? '').split(';')[0].trim()];
        if (!type) throw genericStatus(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`);
        const patch = type === 'apply' ? parseYaml(req.body ?? '') : parseBody(req);
        // server-side apply creates what does not exist yet (fieldmanager: apply is an upsert)
        if (type === 'apply' && !cluster.store.peek(resourceKey(def), def.namespaced ? (ns ?? 'default') : '', name)) {
          const obj = patch as KubeObject;
          if (def.namespaced) obj.metadata = { ...obj.metadata, namespace: obj.metadata?.namespace ?? ns };
          return json(201, api.create(obj, writeOpts));
        }
        return json(200, api.patch(def, ns ?? 'default', name, type, patch, writeOpts));
      }
      case 'DELETE': {
        const body = req.body ? (parseBody(req) as Record<string, unknown>) : {};
        const grace = req.query.gracePeriodSeconds ?? body.gracePeriodSeconds;
        const r = api.delete(def, ns ?? 'default', name, {
          propagationPolicy: (body.propagationPolicy ?? req.query.propagationPolicy) as 'Background' | 'Foreground' | 'Orphan' | undefined,
          gracePeriodSeconds: grace === undefined ? undefined : Number(grace),
          preconditions: body.preconditions as { uid?: string; resourceVersion?: string } | undefined,
          dryRun: writeOpts.dryRun,
        });
        return json(200, r.object);
      }
    }
    throw methodNotSupported(def, method.toLowerCase());
  }

  function listOrWatch(api: ApiClient, def: KindDef, rp: ResourcePath, req: FacadeRequest): FacadeResponse {
    const listOpts = { namespace: rp.namespace, labelSelector: req.query.labelSelector, fieldSelector: req.query.fieldSelector };
    if (req.query.watch === 'true' || req.query.watch === '1') return watchResponse(cluster, api, def, listOpts, isTable(req) ? (objs) => table(def, objs, req) : undefined);
    const list = api.list(def, listOpts);
    if (isTable(req)) return json(200, table(def, list.items, req, list.metadata.resourceVersion));
    return json(200, list);
  }

  function deleteCollection(api: ApiClient, def: KindDef, rp: ResourcePath, req: FacadeRequest): FacadeResponse {
    const list = api.list(def, { namespace: rp.namespace, labelSelector: req.query.labelSelector, fieldSelector: req.query.fieldSelector });
    for (const o of list.items) api.delete(def, o.metadata.namespace ?? '', o.metadata.name!, {});
    return json(200, list);
  }

  /** as=Table: the same server-side printers our kubectl uses (one implementation). */
  function table(def: KindDef, objects: KubeObject[], req: FacadeRequest, resourceVersion?: string): Record<string, unknown> {
    const includeObject = req.query.includeObject as 'PartialObjectMetadata' | 'Object' | 'None' | undefined;
    const crd = crdFor(def, (k, ns, n) => cluster.store.peek(k, ns, n));
    return tableForApi(def, objects, { nowMs: cluster.clock.nowMs(), crd, resourceVersion, includeObject }) as unknown as Record<string, unknown>;
  }

  return { handle };
}

/**
 * client-go's typed clients (kubectl's generators, auth can-i, drain) send
 * protobuf; it is decoded to JSON for the kinds in protobuf/schema.ts.
 */
function fromProtobuf(req: FacadeRequest): FacadeRequest {
  const bytes = req.bodyBytes ?? new TextEncoder().encode(req.body ?? '');
  const obj = decodeKubernetesProtobuf(bytes);
  return { ...req, headers: { ...req.headers, 'content-type': 'application/json' }, body: JSON.stringify(obj), bodyBytes: undefined };
}

function isTable(req: FacadeRequest): boolean {
  return /as=Table/.test(req.headers.accept ?? '');
}

function parseBody(req: FacadeRequest): unknown {
  if (!req.body) throw badRequest('the body of the request is empty');
  try {
    return JSON.parse(req.body);
  } catch {
    try {
      return parseYaml(req.body, { maxAliasCount: 100 });
    } catch (e) {
      throw badRequest(`the object provided is unrecognized (must be of type Object): couldn't get version/kind; json parse error: ${(e as Error).message.split('\n')[0]}`);
    }
  }
}

/** kubectl --as / --as-group send Impersonate-User / Impersonate-Group headers. */
function impersonatedUser(req: FacadeRequest): UserInfo {
  const user = req.headers['impersonate-user'];
  if (!user) return ADMIN_USER;
  const groups = (req.headers['impersonate-group'] ?? '').split(',').map((g) => g.trim()).filter(Boolean);
  const sa = /^system:serviceaccount:([^:]+):/.exec(user);
  const implied = sa ? ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`] : [];
  return { username: user, groups: [...groups, ...implied, 'system:authenticated'] };
}
