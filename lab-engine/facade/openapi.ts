import type { ResourceInfo } from '../api/registry';

/**
 * A minimal OpenAPI v3 surface (/openapi/v3 and /openapi/v3/<gv>) with what
 * kubectl reads: the PATCH operation of each kind carrying the
 * x-kubernetes-group-version-kind extension and a `fieldValidation` query
 * parameter (cli-runtime/pkg/resource/query_param_verifier_v3.go), so kubectl
 * sends fieldValidation=Strict and lets the server validate. Component schemas
 * come from the schema provider when one is registered (for `kubectl explain`).
 */
export type SchemaProvider = (group: string, version: string) => Record<string, unknown> | undefined;

export function openApiIndex(resources: ResourceInfo[]) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of groupVersions(resources)) {
    const key = gv.group ? `apis/${gv.group}/${gv.version}` : `api/${gv.version}`;
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hashOf(key)}` };
  }
  return { paths };
}

export function openApiDocument(resources: ResourceInfo[], group: string, version: string, schemas?: SchemaProvider) {
  const paths: Record<string, unknown> = {};
  const params = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'].map((name) => ({
    name,
    in: 'query',
    schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
  }));
  for (const r of resources.filter((x) => x.group === group && x.version === version)) {
    const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
    const item = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.resource}/{name}` : `${prefix}/${r.resource}/{name}`;
    paths[item] = {
      patch: {
        operationId: `patch${r.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group, version, kind: r.kind },
        parameters: params,
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.4' },
    paths,
    components: { schemas: schemas?.(group, version) ?? {} },
  };
}

function groupVersions(resources: ResourceInfo[]): { group: string; version: string }[] {
  const seen = new Set<string>();
  const out: { group: string; version: string }[] = [];
  for (const r of resources) {
    const k = `${r.group}/${r.version}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ group: r.group, version: r.version });
    }
  }
  return out;
}

function hashOf(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16).toUpperCase().padStart(8, '0').repeat(16);
}
