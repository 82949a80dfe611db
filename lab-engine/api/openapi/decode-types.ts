import { rawKindRef, rawType } from './index';

/**
 * Type errors the API server's JSON decoder (sigs.k8s.io/json, encoding/json
 * UnmarshalTypeError) reports before anything else, e.g. a quoted number:
 * `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`.
 * The field path is the JSON path without list indices, as the decoder prints it.
 */
const INT64_FIELDS = new Set([
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'runAsUser',
  'runAsGroup',
  'fsGroup',
  'startingDeadlineSeconds',
  'deletionGracePeriodSeconds',
  'generation',
  'expirationSeconds',
  'observedGeneration',
  'value',
]);

export function decodeTypeError(group: string, version: string, kind: string, obj: unknown): string | undefined {
  const ref = rawKindRef(group, version, kind);
  if (!ref) return undefined;
  return walk(obj, ref, [], kind, 0);
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  return typeof v; // string, number, object
}

function goTypeOf(t: string, field: string): string {
  if (t.startsWith('[]')) return `[]${goTypeOf(t.slice(2), field)}`;
  if (t.startsWith('map[string]')) return `map[string]${goTypeOf(t.slice('map[string]'.length), field)}`;
  const bar = t.indexOf('|');
  if (bar >= 0) {
    const alias = t.slice(bar + 1);
    if (alias.endsWith('.IntOrString')) return 'intstr.IntOrString';
    if (alias.endsWith('.Time') || alias.endsWith('.MicroTime')) return `v1.${alias.slice(alias.lastIndexOf('.') + 1)}`;
    return goTypeOf(t.slice(0, bar), field);
  }
  if (t === 'integer') return INT64_FIELDS.has(field) ? 'int64' : 'int32';
  if (t === 'boolean') return 'bool';
  if (t === 'string' || t === 'IntOrString') return t === 'string' ? 'string' : 'intstr.IntOrString';
  if (t.includes('.')) {
    const slash = t.indexOf('/');
    const ver = t.slice(slash + 1, t.indexOf('.'));
    return `${ver}.${t.slice(t.indexOf('.') + 1)}`;
  }
  return 'string';
}

function fail(v: unknown, struct: string, path: string[], t: string): string {
  const value = jsonKind(v) === 'number' && !Number.isInteger(v) ? `number ${v}` : jsonKind(v);
  return `json: cannot unmarshal ${value} into Go struct field ${struct}.${path.join('.')} of type ${goTypeOf(t, path[path.length - 1])}`;
}

function walk(v: unknown, t: string, path: string[], struct: string, depth: number): string | undefined {
  if (v === null || v === undefined || depth > 64) return undefined;
  const base = t.includes('|') ? t.slice(0, t.indexOf('|')) : t;
  if (base === 'IntOrString' || t.endsWith('.IntOrString')) return typeof v === 'number' || typeof v === 'string' ? undefined : fail(v, struct, path, t);
  if (base.startsWith('[]')) {
    if (!Array.isArray(v)) return fail(v, struct, path, t);
    for (const item of v) {
      const e = walk(item, base.slice(2), path, struct, depth + 1);
      if (e) return e;
    }
    return undefined;
  }
  if (base.startsWith('map[string]')) {
    if (typeof v !== 'object' || Array.isArray(v)) return fail(v, struct, path, t);
    for (const item of Object.values(v as Record<string, unknown>)) {
      const e = walk(item, base.slice('map[string]'.length), path, struct, depth + 1);
      if (e) return e;
    }
    return undefined;
  }
  if (base === 'string') return typeof v === 'string' ? undefined : fail(v, struct, path, t);
  if (base === 'boolean') return typeof v === 'boolean' ? undefined : fail(v, struct, path, t);
  if (base === 'integer') return typeof v === 'number' && Number.isInteger(v) ? undefined : fail(v, struct, path, t);
  const raw = rawType(base);
  if (!raw) return undefined; // opaque (RawExtension, JSONSchemaProps, Quantity accepts numbers too)
  if (typeof v !== 'object' || Array.isArray(v)) return fail(v, struct, path, t);
  const structName = base.slice(base.indexOf('.') + 1);
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const f = raw.f[k];
    if (f === undefined) continue; // unknown fields are strict decoding's business
    const e = walk(x, Array.isArray(f) ? f[0] : f, [...path, k], structName, depth + 1);
    if (e) return e;
  }
  return undefined;
}
