import type { KindDef } from '../registry';
import type { Json } from '../types';
import { discoveryFor } from '../discovery';
import { defaultPodSpec } from '../defaults/pod-spec';
import { type FieldError, field } from '../field-errors';
import { validateNonnegative } from '../validation/names';
import { goValue } from '../validation/go-format';
import {
  isZeroIntOrPercent,
  validateImmutableSelector,
  validateIntOrPercent,
  validateReplicas,
  validateSelector,
  validateTemplate,
} from '../validation/workload';
import { strictFields } from '../openapi/strict';

const RULES = { selectorNoun: 'deployment', restartPolicies: ['Always'] };

/** Deployment: SetDefaults_Deployment (apps/v1) + ValidateDeployment / ValidateDeploymentUpdate. */
export const deployment: KindDef = {
  ...discoveryFor('deployments', 'apps'),
  prepareForCreate(obj) {
    obj.status = {};
  },
  defaults(obj) {
    const spec = (obj.spec ??= {});
    if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
    const strategy = (spec.strategy ??= {});
    if (!strategy.type) strategy.type = 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const ru = (strategy.rollingUpdate ??= {});
      if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%';
      if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%';
    }
    if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
    if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) spec.progressDeadlineSeconds = 600;
    defaultTemplate(spec.template);
  },
  validate(obj) {
    const spec = obj.spec ?? {};
    return [
      ...validateReplicas(spec),
      ...validateSelector(spec, RULES),
      ...validateTemplate(spec, RULES),
      ...validateStrategy(spec.strategy),
      ...validateNonnegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit),
      ...validateProgressDeadline(spec),
    ];
  },
  validateUpdate: (obj, old) => validateImmutableSelector(obj.spec, old.spec),
  unknownFields: (obj) => strictFields('apps', 'v1', 'Deployment', obj),
};

/** The pod template's metadata keeps `creationTimestamp: null` as v1.32 serialises it. */
export function defaultTemplate(template: Json): void {
  if (!template || typeof template !== 'object') return;
  template.metadata ??= {};
  if (!('creationTimestamp' in template.metadata)) template.metadata.creationTimestamp = null;
  defaultPodSpec(template.spec, false);
}

function validateStrategy(strategy: Json): FieldError[] {
  const type = strategy?.type;
  if (type === 'Recreate') {
    return strategy.rollingUpdate ? [field.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (type !== 'RollingUpdate') return [field.notSupported('spec.strategy.type', type, ['Recreate', 'RollingUpdate'])];
  const ru = strategy.rollingUpdate ?? {};
  const errs = [
    ...validateIntOrPercent('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, true),
    ...validateIntOrPercent('spec.strategy.rollingUpdate.maxSurge', ru.maxSurge, false),
  ];
  if (isZeroIntOrPercent(ru.maxUnavailable) && isZeroIntOrPercent(ru.maxSurge)) {
    const v = ru.maxUnavailable;
    const go = typeof v === 'string' ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}` : 'intstr.IntOrString{Type:0, IntVal:0, StrVal:""}';
    errs.push(field.invalid('spec.strategy.rollingUpdate.maxUnavailable', goValue(go), 'may not be 0 when `maxSurge` is 0'));
  }
  return errs;
}

function validateProgressDeadline(spec: Json): FieldError[] {
  const p = spec.progressDeadlineSeconds;
  if (p === undefined || p === null) return [];
  const errs = validateNonnegative('spec.progressDeadlineSeconds', p);
  if (p <= (spec.minReadySeconds ?? 0)) errs.push(field.invalid('spec.progressDeadlineSeconds', p, 'must be greater than minReadySeconds'));
  return errs;
}
