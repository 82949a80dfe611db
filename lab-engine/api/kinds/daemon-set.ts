import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { validateNonnegative } from '../validation/names';
import { isZeroIntOrPercent, validateImmutableSelector, validateIntOrPercent, validateSelector, validateTemplate } from '../validation/workload';
import { defaultTemplate } from './deployment';
import { strictFields } from '../openapi/strict';

const RULES = { selectorNoun: 'daemonset', restartPolicies: ['Always'] };

/** apps/v1 DaemonSet: SetDefaults_DaemonSet + ValidateDaemonSet(Update). */
export const daemonSet: KindDef = {
  ...discoveryFor('daemonsets', 'apps'),
  hasGeneration: true,
  prepareForCreate(obj) {
    obj.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  },
  defaults(obj) {
    const spec = (obj.spec ??= {});
    const us = (spec.updateStrategy ??= {});
    if (!us.type) us.type = 'RollingUpdate';
    if (us.type === 'RollingUpdate') {
      us.rollingUpdate ??= {};
      if (us.rollingUpdate.maxUnavailable === undefined) us.rollingUpdate.maxUnavailable = 1;
      if (us.rollingUpdate.maxSurge === undefined) us.rollingUpdate.maxSurge = 0;
    }
    if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
    defaultTemplate(spec.template);
  },
  validate(obj) {
    const spec = obj.spec ?? {};
    const errs: FieldError[] = [...validateSelector(spec, RULES), ...validateTemplate(spec, RULES)];
    errs.push(...validateNonnegative('spec.minReadySeconds', spec.minReadySeconds));
    const us = spec.updateStrategy ?? {};
    if (!['RollingUpdate', 'OnDelete'].includes(us.type)) errs.push(field.notSupported('spec.updateStrategy', us.type, ['OnDelete', 'RollingUpdate']));
    if (us.type === 'RollingUpdate') {
      const ru = us.rollingUpdate ?? {};
      errs.push(...validateIntOrPercent('spec.updateStrategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, true));
      errs.push(...validateIntOrPercent('spec.updateStrategy.rollingUpdate.maxSurge', ru.maxSurge, true));
      if (isZeroIntOrPercent(ru.maxUnavailable) && isZeroIntOrPercent(ru.maxSurge)) {
        errs.push(field.invalid('spec.updateStrategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
      }
    }
    return errs;
  },
  validateUpdate: (obj, old) => validateImmutableSelector(obj.spec, old.spec),
  unknownFields: (obj) => strictFields('apps', 'v1', 'DaemonSet', obj),
};
