import type { KindDef } from '../registry';
import type { Json, KubeObject } from '../types';
import { type FieldError } from '../field-errors';
import { cloneJson } from '../clone';
import { pruneUnknown, unknownSchemaFields, validateAgainstSchema } from './schema-validation';

const RW = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'].sort();

/** The storage version of a CRD (exactly one is marked storage: true). */
export function storageVersion(crd: KubeObject): Json | undefined {
  return (crd.spec?.versions ?? []).find((v: Json) => v.storage) ?? crd.spec?.versions?.[0];
}

/**
 * The KindDef a CRD serves (apiextensions-apiserver customresource_handler):
 * discovery info from spec.names/scope, the storage version's schema for
 * validation, pruning and strict decoding, status/scale subresources and
 * additionalPrinterColumns for kubectl's tables.
 */
export function kindDefForCrd(crd: KubeObject): KindDef {
  const names = crd.spec.names;
  const version = storageVersion(crd) ?? {};
  const schema = version.schema?.openAPIV3Schema;
  const subresources: string[] = [];
  if (version.subresources?.status) subresources.push('status');
  if (version.subresources?.scale) subresources.push('scale');
  const def: KindDef = {
    group: crd.spec.group,
    version: version.name,
    kind: names.kind,
    resource: names.plural,
    singular: names.singular ?? names.kind.toLowerCase(),
    shortNames: names.shortNames ? [...names.shortNames] : undefined,
    categories: names.categories ? [...names.categories] : undefined,
    namespaced: crd.spec.scope === 'Namespaced',
    verbs: RW,
    subresources,
    additionalPrinterColumns: cloneJson(version.additionalPrinterColumns ?? []),
    openAPIV3Schema: cloneJson(schema),
    hasGeneration: true,
    prepareForCreate(obj) {
      if (subresources.includes('status')) delete obj.status;
    },
    defaults(obj) {
      if (!schema) return;
      // Pruning keeps apiVersion/kind/metadata (always allowed) and drops undeclared fields.
      const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = obj;
      pruneUnknown(rest, { ...schema, properties: { ...(schema.properties ?? {}) } });
      for (const k of Object.keys(obj)) if (!['apiVersion', 'kind', 'metadata'].includes(k) && !(k in rest)) delete obj[k];
    },
    validate(obj): FieldError[] {
      if (!schema) return [];
      const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = obj;
      return validateAgainstSchema(rest, { ...schema, required: (schema.required ?? []).filter((r: string) => !['apiVersion', 'kind', 'metadata'].includes(r)) }, '');
    },
    unknownFields(obj) {
      if (!schema) return [];
      const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = obj;
      return unknownSchemaFields(rest, schema, '');
    },
  };
  return def;
}
