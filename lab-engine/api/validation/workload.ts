import type { Json } from '../types';
import { type FieldError, field } from '../field-errors';
import { matches, type Selector } from '../selectors/label-selector';
import { validatePodSpec } from './pod-spec';
import { validateLabels, validateNonnegative } from './names';
import { goLabelSelector, goStringMap, goValue } from './go-format';

/**
 * Shared pieces of pkg/apis/apps/validation and pkg/apis/batch/validation:
 * selector presence, template labels matching the selector, template pod
 * spec, allowed restart policies, immutable selectors.
 */
export interface TemplateRules {
  /** The word in "empty selector is invalid for <x>" (deployment, statefulset, daemonset). */
  selectorNoun: string;
  restartPolicies: string[];
}

export function validateSelector(spec: Json, rules: TemplateRules): FieldError[] {
  if (!spec?.selector) return [field.required('spec.selector')];
  const s = spec.selector;
  const errs = validateLabels('spec.selector.matchLabels', s.matchLabels);
  if (Object.keys(s.matchLabels ?? {}).length + (s.matchExpressions?.length ?? 0) === 0) {
    errs.push(field.invalid('spec.selector', goValue(goLabelSelector(s)), `empty selector is invalid for ${rules.selectorNoun}`));
  }
  for (const [i, e] of (Array.isArray(s.matchExpressions) ? s.matchExpressions : []).entries()) {
    const p = `spec.selector.matchExpressions[${i}]`;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e?.operator)) {
      errs.push(field.invalid(`${p}.operator`, e?.operator, 'not a valid selector operator'));
    } else if ((e.operator === 'In' || e.operator === 'NotIn') && !(e.values?.length > 0)) {
      errs.push(field.required(`${p}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
    } else if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && e.values?.length > 0) {
      errs.push(field.forbidden(`${p}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
    }
  }
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet / ForStatefulSet / the Job equivalent. */
export function validateTemplate(spec: Json, rules: TemplateRules): FieldError[] {
  const t = spec?.template;
  if (!t || typeof t !== 'object') return [field.required('spec.template')];
  const errs: FieldError[] = [];
  const sel = selectorOf(spec.selector);
  if (sel && sel.length > 0 && !matches(sel, t.metadata?.labels)) {
    errs.push(field.invalid('spec.template.metadata.labels', goValue(goStringMap(t.metadata?.labels)), '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels('spec.template.metadata.labels', t.metadata?.labels));
  errs.push(...validatePodSpec(t.spec, 'spec.template.spec'));
  const rp = t.spec?.restartPolicy;
  if (!rules.restartPolicies.includes(rp)) errs.push(field.notSupported('spec.template.spec.restartPolicy', rp ?? '', rules.restartPolicies));
  if (rules.selectorNoun !== 'job' && t.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(field.invalid('spec.template.spec.activeDeadlineSeconds', t.spec.activeDeadlineSeconds, 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

function selectorOf(ls: Json): Selector | null {
  if (!ls || typeof ls !== 'object') return null;
  const out: Selector = [];
  for (const k of Object.keys(ls.matchLabels ?? {}).sort()) out.push({ key: k, op: '=', values: [String(ls.matchLabels[k])] });
  const ops: Record<string, Selector[number]['op']> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };
  for (const e of Array.isArray(ls.matchExpressions) ? ls.matchExpressions : []) {
    if (!ops[e?.operator]) return null; // reported by validateSelector
    out.push({ key: e.key, op: ops[e.operator], values: [...(e.values ?? [])] });
  }
  return out;
}

/** `spec.selector: Invalid value: v1.LabelSelector{…}: field is immutable` */
export function validateImmutableSelector(spec: Json, oldSpec: Json): FieldError[] {
  if (JSON.stringify(canon(spec?.selector)) === JSON.stringify(canon(oldSpec?.selector))) return [];
  return [field.invalid('spec.selector', goValue(goLabelSelector(spec?.selector)), 'field is immutable')];
}

function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.keys(o)
      .filter((k) => o[k] !== undefined && !(Array.isArray(o[k]) && (o[k] as unknown[]).length === 0) && !(k === 'matchLabels' && Object.keys(o[k] as object).length === 0))
      .sort()
      .map((k) => [k, canon(o[k])]);
  }
  return v;
}

export function validateReplicas(spec: Json): FieldError[] {
  return [...validateNonnegative('spec.replicas', spec?.replicas), ...validateNonnegative('spec.minReadySeconds', spec?.minReadySeconds)];
}

/** ValidatePositiveIntOrPercent + IsNotMoreThan100Percent. */
export function validateIntOrPercent(path: string, v: unknown, max100: boolean): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return v < 0 ? [field.invalid(path, v, 'must be greater than or equal to 0')] : [];
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  if (!m) return [field.invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  if (max100 && Number(m[1]) > 100) return [field.invalid(path, v, 'must not be greater than 100%')];
  return [];
}

export function isZeroIntOrPercent(v: unknown): boolean {
  return v === 0 || v === '0%' || v === undefined;
}
