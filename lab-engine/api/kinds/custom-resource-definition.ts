import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { validateCrd } from '../crd/validate-crd';
import { field } from '../field-errors';
import { storageVersion } from '../crd/custom-resource-kind';
import { strictFields } from '../openapi/strict';

export const CRD_CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

/**
 * apiextensions.k8s.io/v1 CustomResourceDefinition: defaults (singular,
 * listKind, conversion None), the cleanup finalizer and initial status on
 * create, validation; api/crd/controller.ts establishes and serves it.
 */
export const customResourceDefinition: KindDef = {
  ...discoveryFor('customresourcedefinitions', 'apiextensions.k8s.io'),
  hasGeneration: true,
  prepareForCreate(obj) {
    const sv = storageVersion(obj)?.name;
    obj.status = { acceptedNames: { kind: '', plural: '' }, conditions: [], storedVersions: sv ? [sv] : [] };
    const fins: string[] = obj.metadata.finalizers ?? [];
    if (!fins.includes(CRD_CLEANUP_FINALIZER)) obj.metadata.finalizers = [...fins, CRD_CLEANUP_FINALIZER];
  },
  defaults(obj) {
    const spec = (obj.spec ??= {});
    const names = (spec.names ??= {});
    if (!names.singular && names.kind) names.singular = String(names.kind).toLowerCase();
    if (!names.listKind && names.kind) names.listKind = `${names.kind}List`;
    spec.conversion ??= { strategy: 'None' };
  },
  validate: validateCrd,
  validateUpdate(obj, old) {
    const errs = [];
    if (obj.spec?.scope !== old.spec?.scope) errs.push(field.invalid('spec.scope', obj.spec?.scope, 'field is immutable'));
    if (obj.spec?.group !== old.spec?.group) errs.push(field.invalid('spec.group', obj.spec?.group, 'field is immutable'));
    return errs;
  },
  unknownFields: (obj) => strictFields('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', obj),
};
