import fieldsJson from '../api/openapi/k8s-fields.json';
import { descriptionOf } from '../api/openapi';
import type { SchemaProvider } from './openapi';

/**
 * OpenAPI v3 component schemas for /openapi/v3/<group-version>, built from
 * the engine's API schema (api/openapi/k8s-fields.json, descriptions when
 * loaded), so the real `kubectl explain` works against the facade. Names
 * follow kube-apiserver's definitions (io.k8s.api.apps.v1.Deployment, …);
 * object-typed fields are `allOf: [{$ref}]` as in the real documents.
 */
type RawField = string | [string, 1];
const DATA = fieldsJson as unknown as { kinds: Record<string, string>; types: Record<string, { f: Record<string, RawField> }> };
type Schema = Record<string, unknown>;

export function componentName(ref: string): string {
  const dot = ref.indexOf('.');
  const dir = ref.slice(0, dot);
  const name = ref.slice(dot + 1);
  if (dir === 'runtime') return `io.k8s.apimachinery.pkg.runtime.${name}`;
  if (dir === 'meta/v1') return `io.k8s.apimachinery.pkg.apis.meta.v1.${name}`;
  if (dir.startsWith('apiextensions/')) return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${dir.split('/')[1]}.${name}`;
  return `io.k8s.api.${dir.replace('/', '.')}.${name}`;
}

function fieldSchema(t: string, out: Record<string, Schema>, queue: string[]): Schema {
  if (t.startsWith('[]')) return { type: 'array', items: fieldSchema(t.slice(2), out, queue) };
  if (t.startsWith('map[string]')) return { type: 'object', additionalProperties: fieldSchema(t.slice('map[string]'.length), out, queue) };
  const bar = t.indexOf('|');
  if (bar >= 0) return t.startsWith('Object') ? { type: 'object' } : { type: t.slice(0, bar) };
  if (t === 'IntOrString') return { type: 'string', format: 'int-or-string' };
  if (DATA.types[t]) {
    if (!(componentName(t) in out)) queue.push(t);
    return { allOf: [{ $ref: `#/components/schemas/${componentName(t)}` }] };
  }
  return t.includes('.') ? { type: 'object' } : { type: t };
}

function typeComponent(ref: string, out: Record<string, Schema>, queue: string[]): Schema {
  const raw = DATA.types[ref];
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const name of Object.keys(raw.f).sort()) {
    const f = raw.f[name];
    const [t, req] = Array.isArray(f) ? f : [f, 0];
    const desc = descriptionOf(ref, name);
    properties[name] = { ...(desc ? { description: desc } : {}), ...fieldSchema(t, out, queue) };
    if (req === 1) required.push(name);
  }
  const desc = descriptionOf(ref);
  return { ...(desc ? { description: desc } : {}), type: 'object', properties, ...(required.length ? { required } : {}) };
}

const cache = new Map<string, Record<string, Schema>>();

/** The component schemas of one group-version: its kinds and every type they reach. */
export const engineSchemas: SchemaProvider = (group, version) => {
  const key = `${group}/${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: Record<string, Schema> = {};
  const queue: string[] = [];
  const prefix = `${group ? `${group}/` : ''}${version}/`;
  const gvk = new Map<string, string>();
  for (const [k, ref] of Object.entries(DATA.kinds)) {
    if (k.startsWith(prefix) && !k.slice(prefix.length).includes('/')) {
      gvk.set(ref, k.slice(prefix.length));
      queue.push(ref);
    }
  }
  for (let i = 0; i < queue.length && i < 5000; i++) {
    const ref = queue[i];
    const name = componentName(ref);
    if (name in out || !DATA.types[ref]) continue;
    out[name] = typeComponent(ref, out, queue);
    const kind = gvk.get(ref);
    if (kind) out[name]['x-kubernetes-group-version-kind'] = [{ group, version, kind }];
  }
  cache.set(key, out);
  return out;
};
