import type { Json } from '../types';
import { type FieldError, field } from '../field-errors';

/**
 * Validation of custom resources against a structural openAPIV3Schema, with
 * the messages of k8s.io/kube-openapi/pkg/validate as the apiserver reports
 * them (`spec.replicas in body must be of type integer: "string"`).
 * Also finds unknown fields (strict decoding) and prunes them (structural
 * pruning) unless x-kubernetes-preserve-unknown-fields is set.
 */
export function validateAgainstSchema(value: unknown, schema: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  walk(value, schema, path, errs);
  return errs;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(want: string, v: unknown): boolean {
  const t = typeOf(v);
  return t === want || (want === 'number' && t === 'integer');
}

function walk(v: unknown, s: Json, path: string, errs: FieldError[]): void {
  if (!s || typeof s !== 'object' || v === undefined) return;
  if (v === null) {
    if (!s.nullable && s.type) errs.push(field.invalid(path, 'null', `${path} in body must be of type ${s.type}: "null"`));
    return;
  }
  if (s['x-kubernetes-int-or-string']) {
    if (typeof v !== 'number' && typeof v !== 'string') errs.push(field.invalid(path, typeOf(v), `${path} in body must be of type integer,string: ${JSON.stringify(typeOf(v))}`));
    return;
  }
  if (s.type && !typeMatches(s.type, v)) {
    errs.push(field.invalid(path, typeOf(v), `${path} in body must be of type ${s.type}: ${JSON.stringify(typeOf(v))}`));
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(v))) {
    errs.push(field.notSupported(path, v, s.enum.map((e: unknown) => String(e))));
  }
  if (typeof v === 'number') checkNumber(v, s, path, errs);
  if (typeof v === 'string') checkString(v, s, path, errs);
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) errs.push(field.invalid(path, v.length, `${path} in body should have at least ${s.minItems} items`));
    if (s.maxItems !== undefined && v.length > s.maxItems) errs.push(field.invalid(path, v.length, `${path} in body should have at most ${s.maxItems} items`));
    v.forEach((item, i) => walk(item, s.items, `${path}[${i}]`, errs));
  } else if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const r of (s.required ?? []) as string[]) if (o[r] === undefined) errs.push(field.required(path ? `${path}.${r}` : r));
    for (const [k, x] of Object.entries(o)) {
      const sub = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      walk(x, sub, path ? `${path}.${k}` : k, errs);
    }
  }
}

function checkNumber(v: number, s: Json, path: string, errs: FieldError[]): void {
  if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) {
    errs.push(field.invalid(path, v, `${path} in body should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${s.minimum}`));
  }
  if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) {
    errs.push(field.invalid(path, v, `${path} in body should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${s.maximum}`));
  }
  if (s.multipleOf !== undefined && v % s.multipleOf !== 0) errs.push(field.invalid(path, v, `${path} in body should be a multiple of ${s.multipleOf}`));
}

function checkString(v: string, s: Json, path: string, errs: FieldError[]): void {
  if (s.minLength !== undefined && [...v].length < s.minLength) errs.push(field.invalid(path, v, `${path} in body should be at least ${s.minLength} chars long`));
  if (s.maxLength !== undefined && [...v].length > s.maxLength) errs.push(field.invalid(path, v, `${path} in body should be at most ${s.maxLength} chars long`));
  if (s.pattern !== undefined) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(s.pattern, 'u');
    } catch {
      re = undefined;
    }
    if (re && !re.test(v)) errs.push(field.invalid(path, v, `${path} in body should match '${s.pattern}'`));
  }
}

/** Dotted paths of fields the schema does not declare (strict decoding of custom resources). */
export function unknownSchemaFields(value: unknown, schema: Json, path: string, out: string[] = []): string[] {
  if (!schema || typeof schema !== 'object' || value === null || typeof value !== 'object') return out;
  if (schema['x-kubernetes-preserve-unknown-fields']) return out;
  if (Array.isArray(value)) {
    value.forEach((x, i) => unknownSchemaFields(x, schema.items, `${path}[${i}]`, out));
    return out;
  }
  for (const [k, x] of Object.entries(value as Record<string, unknown>)) {
    const p = path ? `${path}.${k}` : k;
    const sub = schema.properties?.[k] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!sub && schema.additionalProperties !== true && schema.properties) out.push(p);
    else if (sub) unknownSchemaFields(x, sub, p, out);
  }
  return out;
}

/** Structural pruning: drops undeclared fields in place. */
export function pruneUnknown(value: unknown, schema: Json): void {
  if (!schema || typeof schema !== 'object' || value === null || typeof value !== 'object') return;
  if (schema['x-kubernetes-preserve-unknown-fields']) return;
  if (Array.isArray(value)) return value.forEach((x) => pruneUnknown(x, schema.items));
  for (const k of Object.keys(value as Record<string, unknown>)) {
    const sub = schema.properties?.[k] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!sub && schema.additionalProperties !== true && schema.properties) delete (value as Record<string, unknown>)[k];
    else if (sub) pruneUnknown((value as Record<string, unknown>)[k], sub);
  }
}
