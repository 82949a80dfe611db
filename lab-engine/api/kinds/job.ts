import type { KindDef } from '../registry';
import type { Json, KubeObject } from '../types';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { jsonEqual } from '../clone';
import { validateNonnegative } from '../validation/names';
import { goValue } from '../validation/go-format';
import { validateImmutableSelector, validateSelector, validateTemplate } from '../validation/workload';
import { defaultTemplate } from './deployment';
import { strictFields } from '../openapi/strict';

const RULES = { selectorNoun: 'job', restartPolicies: ['OnFailure', 'Never'] };

/**
 * batch/v1 Job: SetDefaults_Job, the strategy's generateSelector (uid and
 * job-name labels, legacy and batch.kubernetes.io/ forms) and ValidateJob.
 * The job's own labels come from the template when empty (defaulting runs
 * again when the object is read back, after the selector labels were added).
 */
export const job: KindDef = {
  ...discoveryFor('jobs', 'batch'),
  hasGeneration: true,
  prepareForCreate(obj) {
    obj.status = {};
    if (obj.spec?.manualSelector !== true) generateSelector(obj);
  },
  defaults(obj) {
    const spec = (obj.spec ??= {});
    if (spec.completions === undefined && spec.parallelism === undefined) {
      spec.completions = 1;
      spec.parallelism = 1;
    }
    if (spec.parallelism === undefined) spec.parallelism = 1;
    if (spec.backoffLimit === undefined) spec.backoffLimit = spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
    if (!spec.completionMode) spec.completionMode = 'NonIndexed';
    if (spec.suspend === undefined) spec.suspend = false;
    if (spec.manualSelector === undefined) spec.manualSelector = false;
    if (!spec.podReplacementPolicy) spec.podReplacementPolicy = spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
    defaultTemplate(spec.template);
    const tl = spec.template?.metadata?.labels;
    if (tl && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...tl };
  },
  validate(obj) {
    const spec = obj.spec ?? {};
    const errs: FieldError[] = [];
    for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) {
      errs.push(...validateNonnegative(`spec.${f}`, spec[f]));
    }
    if (!['NonIndexed', 'Indexed'].includes(spec.completionMode)) errs.push(field.notSupported('spec.completionMode', spec.completionMode, ['NonIndexed', 'Indexed']));
    if (spec.completionMode === 'Indexed' && spec.completions === undefined) {
      errs.push(field.required('spec.completions', 'when completion mode is Indexed'));
    }
    errs.push(...validateSelector(spec, RULES), ...validateTemplate(spec, RULES));
    return errs;
  },
  validateUpdate(obj, old) {
    const errs = validateImmutableSelector(obj.spec, old.spec);
    const spec = obj.spec ?? {};
    const prev = old.spec ?? {};
    if (spec.completions !== prev.completions && !(spec.completionMode === 'Indexed' && spec.completions === spec.parallelism)) {
      errs.push(field.invalid('spec.completions', spec.completions, 'field is immutable'));
    }
    if (spec.completionMode !== prev.completionMode) errs.push(field.invalid('spec.completionMode', spec.completionMode, 'field is immutable'));
    if (!jsonEqual(spec.template, prev.template) && !(prev.suspend && templateOnlySchedulingChanged(spec.template, prev.template))) {
      errs.push(field.invalid('spec.template', goValue('core.PodTemplateSpec{…}'), 'field is immutable'));
    }
    return errs;
  },
  unknownFields: (obj) => strictFields('batch', 'v1', 'Job', obj),
};

function generateSelector(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  const t = (spec.template ??= {});
  t.metadata ??= {};
  const labels: Record<string, string> = (t.metadata.labels ??= {});
  const uid = obj.metadata.uid ?? '';
  for (const k of ['job-name', 'batch.kubernetes.io/job-name']) if (labels[k] === undefined) labels[k] = obj.metadata.name ?? '';
  for (const k of ['controller-uid', 'batch.kubernetes.io/controller-uid']) if (labels[k] === undefined) labels[k] = uid;
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  if (spec.selector.matchLabels['batch.kubernetes.io/controller-uid'] === undefined) spec.selector.matchLabels['batch.kubernetes.io/controller-uid'] = uid;
}

/** Mutable scheduling directives of a suspended job (nodeSelector, tolerations, affinity, labels, annotations). */
function templateOnlySchedulingChanged(a: Json, b: Json): boolean {
  const strip = (t: Json) => {
    const c = JSON.parse(JSON.stringify(t ?? {}));
    if (c.metadata) {
      delete c.metadata.labels;
      delete c.metadata.annotations;
    }
    if (c.spec) for (const k of ['nodeSelector', 'tolerations', 'affinity', 'schedulingGates']) delete c.spec[k];
    return c;
  };
  return jsonEqual(strip(a), strip(b));
}
