import type { KubeObject } from '../types';
import { type FieldError, field } from '../field-errors';
import { cloneJson, jsonEqual } from '../clone';

/** Order and wording of ValidatePodUpdate's list (validation.go, v1.32, InPlacePodVerticalScaling off). */
export const POD_UPDATABLE_FIELDS =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/**
 * ValidatePodUpdate: the spec is immutable except images, activeDeadlineSeconds
 * (set or lowered), toleration additions and the negative grace period fix.
 * Engine-internal allowances (no binding/ephemeralcontainers subresource in
 * the store): `nodeName` may go from empty to a node, and ephemeralContainers
 * may be appended. The real message ends with a go-cmp diff of the spec,
 * which is not reproduced.
 */
export function validatePodUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  // The same spec instance (a status write shares it with the stored pod) has nothing to report.
  if (obj.spec === old.spec && obj.spec !== undefined) return [];
  const errs: FieldError[] = [];
  const next = obj.spec ?? {};
  const prev = old.spec ?? {};
  const ads = next.activeDeadlineSeconds;
  const oldAds = prev.activeDeadlineSeconds;
  if (ads === undefined && oldAds !== undefined) {
    errs.push(field.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  } else if (ads !== undefined && oldAds !== undefined && ads > oldAds) {
    errs.push(field.invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value'));
  }
  errs.push(...validateTolerationUpdate(next.tolerations ?? [], prev.tolerations ?? []));
  const munged = cloneJson(prev);
  copyImages(munged.containers, next.containers);
  copyImages(munged.initContainers, next.initContainers);
  setOrDelete(munged, 'activeDeadlineSeconds', ads);
  setOrDelete(munged, 'tolerations', next.tolerations);
  if ((prev.terminationGracePeriodSeconds ?? 0) < 0 && next.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = 1;
  if (!prev.nodeName && next.nodeName) munged.nodeName = next.nodeName;
  if (Array.isArray(next.ephemeralContainers)) munged.ephemeralContainers = next.ephemeralContainers;
  if (!jsonEqual(munged, next)) errs.push(field.forbidden('spec', POD_UPDATABLE_FIELDS));
  return errs;
}

function copyImages(into: unknown, from: unknown): void {
  if (!Array.isArray(into) || !Array.isArray(from) || into.length !== from.length) return;
  into.forEach((c, i) => {
    if (c && from[i] && typeof from[i].image === 'string') c.image = from[i].image;
  });
}

function setOrDelete(o: Record<string, unknown>, k: string, v: unknown): void {
  if (v === undefined) delete o[k];
  else o[k] = cloneJson(v);
}

/** ValidateTolerations update rule: existing tolerations stay; only tolerationSeconds may change. */
function validateTolerationUpdate(next: unknown[], prev: unknown[]): FieldError[] {
  const key = (t: unknown): string => {
    const { tolerationSeconds: _s, ...rest } = (t ?? {}) as Record<string, unknown>;
    return JSON.stringify(Object.keys(rest).sort().map((k) => [k, rest[k]]));
  };
  const have = new Set(next.map(key));
  for (const t of prev) {
    if (!have.has(key(t))) return [field.forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return [];
}
