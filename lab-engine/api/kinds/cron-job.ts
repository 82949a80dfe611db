import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { validateNonnegative } from '../validation/names';
import { validatePodSpec } from '../validation/pod-spec';
import { cronScheduleError } from '../validation/cron-schedule';
import { defaultTemplate } from './deployment';
import { strictFields } from '../openapi/strict';

/** batch/v1 CronJob: SetDefaults_CronJob + ValidateCronJobCreate/Update. */
export const cronJob: KindDef = {
  ...discoveryFor('cronjobs', 'batch'),
  hasGeneration: true,
  prepareForCreate(obj) {
    obj.status = {};
  },
  defaults(obj) {
    const spec = (obj.spec ??= {});
    if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
    if (spec.suspend === undefined) spec.suspend = false;
    if (spec.successfulJobsHistoryLimit === undefined) spec.successfulJobsHistoryLimit = 3;
    if (spec.failedJobsHistoryLimit === undefined) spec.failedJobsHistoryLimit = 1;
    const jt = spec.jobTemplate;
    if (jt && typeof jt === 'object') {
      jt.metadata ??= {};
      if (!('creationTimestamp' in jt.metadata)) jt.metadata.creationTimestamp = null;
      defaultTemplate(jt.spec?.template);
    }
  },
  validate(obj) {
    const spec = obj.spec ?? {};
    const errs: FieldError[] = [];
    if ((obj.metadata.name ?? '').length > 52) errs.push(field.invalid('metadata.name', obj.metadata.name, 'must be no more than 52 characters'));
    if (!spec.schedule) errs.push(field.required('spec.schedule'));
    else {
      const err = cronScheduleError(spec.schedule);
      if (err) errs.push(field.invalid('spec.schedule', spec.schedule, err));
      if (spec.schedule.includes('TZ')) errs.push(field.invalid('spec.schedule', spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    }
    if (!['Allow', 'Forbid', 'Replace'].includes(spec.concurrencyPolicy)) {
      errs.push(field.notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy, ['Allow', 'Forbid', 'Replace']));
    }
    errs.push(...validateNonnegative('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds));
    errs.push(...validateNonnegative('spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit));
    errs.push(...validateNonnegative('spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit));
    const tpl = spec.jobTemplate?.spec?.template;
    if (!tpl) errs.push(field.required('spec.jobTemplate.spec.template'));
    else {
      errs.push(...validatePodSpec(tpl.spec, 'spec.jobTemplate.spec.template.spec'));
      const rp = tpl.spec?.restartPolicy;
      if (rp !== 'OnFailure' && rp !== 'Never') errs.push(field.notSupported('spec.jobTemplate.spec.template.spec.restartPolicy', rp, ['OnFailure', 'Never']));
    }
    return errs;
  },
  unknownFields: (obj) => strictFields('batch', 'v1', 'CronJob', obj),
};
