import type { KindDef } from '../registry';
import type { Json } from '../types';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { cloneJson, jsonEqual } from '../clone';
import { validateNonnegative } from '../validation/names';
import { validateImmutableSelector, validateReplicas, validateSelector, validateTemplate } from '../validation/workload';
import { defaultTemplate } from './deployment';
import { strictFields } from '../openapi/strict';

const RULES = { selectorNoun: 'statefulset', restartPolicies: ['Always'] };

export const STATEFULSET_UPDATE_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

/** apps/v1 StatefulSet: SetDefaults_StatefulSet + ValidateStatefulSet(Update). */
export const statefulSet: KindDef = {
  ...discoveryFor('statefulsets', 'apps'),
  hasGeneration: true,
  prepareForCreate(obj) {
    obj.status = { availableReplicas: 0, replicas: 0 };
  },
  defaults(obj) {
    const spec = (obj.spec ??= {});
    if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
    const us = (spec.updateStrategy ??= {});
    if (!us.type) us.type = 'RollingUpdate';
    if (us.type === 'RollingUpdate') {
      us.rollingUpdate ??= {};
      if (us.rollingUpdate.partition === undefined) us.rollingUpdate.partition = 0;
    }
    const rp = (spec.persistentVolumeClaimRetentionPolicy ??= {});
    if (!rp.whenDeleted) rp.whenDeleted = 'Retain';
    if (!rp.whenScaled) rp.whenScaled = 'Retain';
    if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
    if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
    defaultTemplate(spec.template);
    for (const pvc of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) defaultClaimTemplate(pvc);
  },
  validate(obj) {
    const spec = obj.spec ?? {};
    const errs: FieldError[] = [];
    if (!['OrderedReady', 'Parallel'].includes(spec.podManagementPolicy)) {
      errs.push(field.notSupported('spec.podManagementPolicy', spec.podManagementPolicy, ['OrderedReady', 'Parallel']));
    }
    const type = spec.updateStrategy?.type;
    if (!['RollingUpdate', 'OnDelete'].includes(type)) errs.push(field.notSupported('spec.updateStrategy.type', type, ['OnDelete', 'RollingUpdate']));
    if (type === 'OnDelete' && spec.updateStrategy.rollingUpdate) {
      errs.push(field.invalid('spec.updateStrategy.rollingUpdate', { goSyntax: 'apps.RollingUpdateStatefulSetStrategy{...}' }, "only allowed for updateStrategy 'RollingUpdate'"));
    }
    errs.push(...validateNonnegative('spec.updateStrategy.rollingUpdate.partition', spec.updateStrategy?.rollingUpdate?.partition));
    errs.push(...validateReplicas(spec), ...validateSelector(spec, RULES), ...validateTemplate(withClaimVolumes(spec), RULES));
    return errs;
  },
  validateUpdate(obj, old) {
    const errs = validateImmutableSelector(obj.spec, old.spec);
    const strip = (s: Json) => {
      const c = cloneJson(s ?? {});
      for (const k of ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds', 'selector']) delete c[k];
      return c;
    };
    if (!jsonEqual(strip(obj.spec), strip(old.spec))) errs.push(field.forbidden('spec', STATEFULSET_UPDATE_FORBIDDEN));
    return errs;
  },
  unknownFields: (obj) => strictFields('apps', 'v1', 'StatefulSet', obj),
};

/**
 * The template's volume mounts may name volumeClaimTemplates (the StatefulSet controller adds
 * those volumes to each pod); upstream's ValidatePodTemplateSpecForStatefulSet skips the pod
 * spec for that reason. Our pod-spec validation runs on a copy with the claim volumes added.
 */
function withClaimVolumes(spec: Json): Json {
  const claims = Array.isArray(spec?.volumeClaimTemplates) ? spec.volumeClaimTemplates : [];
  if (claims.length === 0 || !spec?.template?.spec) return spec;
  const own: Json[] = Array.isArray(spec.template.spec.volumes) ? spec.template.spec.volumes : [];
  const added = claims
    .map((c: Json) => c?.metadata?.name)
    .filter((n: unknown) => typeof n === 'string' && !own.some((v) => v?.name === n))
    .map((name: string) => ({ name, persistentVolumeClaim: { claimName: name } }));
  return { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, volumes: [...own, ...added] } } };
}

/** The claim templates print with `volumeMode: Filesystem` and `status: {phase: Pending}` (PVC defaults). */
function defaultClaimTemplate(pvc: Json): void {
  if (!pvc || typeof pvc !== 'object') return;
  pvc.apiVersion ??= 'v1';
  pvc.kind ??= 'PersistentVolumeClaim';
  pvc.metadata ??= {};
  if (!('creationTimestamp' in pvc.metadata)) pvc.metadata.creationTimestamp = null;
  pvc.spec ??= {};
  if (!pvc.spec.volumeMode) pvc.spec.volumeMode = 'Filesystem';
  pvc.status ??= {};
  if (!pvc.status.phase) pvc.status.phase = 'Pending';
}
