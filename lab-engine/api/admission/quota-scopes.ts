import type { KindDef } from '../registry';
import type { Json, KubeObject } from '../types';
import { type FieldError, field } from '../field-errors';

/**
 * ResourceQuota scopes (pkg/quota/v1/evaluator/core/pods.go podMatchesScopeFunc,
 * pkg/quota/v1/resources.go GetScopeSelectorsFromQuota, and
 * pkg/apis/core/validation ValidateResourceQuotaSpec's scope checks): a quota
 * with `spec.scopes` or `spec.scopeSelector` tracks only the pods that match
 * every scope; other objects never match a scoped quota.
 */
export const STANDARD_SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];
const POD_COUNT = ['pods'];
const POD_COMPUTE = ['cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory'];
const EXISTS_ONLY = ['BestEffort', 'NotBestEffort', 'Terminating', 'NotTerminating', 'CrossNamespacePodAffinity'];

interface ScopeSelector {
  scopeName: string;
  operator: string;
  values?: string[];
}

/** GetScopeSelectorsFromQuota: each `scopes` entry as an Exists requirement, then scopeSelector's expressions. */
export function scopeSelectorsOf(quota: KubeObject): ScopeSelector[] {
  const out: ScopeSelector[] = ((quota.spec?.scopes ?? []) as string[]).map((scopeName) => ({ scopeName, operator: 'Exists' }));
  for (const e of (quota.spec?.scopeSelector?.matchExpressions ?? []) as ScopeSelector[]) out.push(e);
  return out;
}

/** Does the quota track this object? (quota.Matches: resources aside, every scope selector must match.) */
export function quotaMatchesScopes(quota: KubeObject, def: Pick<KindDef, 'group' | 'resource'>, obj: KubeObject): boolean {
  const selectors = scopeSelectorsOf(quota);
  if (selectors.length === 0) return true;
  if (def.group !== '' || def.resource !== 'pods') return false; // MatchesNoScopeFunc
  return selectors.every((s) => podMatchesScope(s, obj));
}

function podMatchesScope(s: ScopeSelector, pod: KubeObject): boolean {
  switch (s.scopeName) {
    case 'Terminating':
      return isTerminating(pod);
    case 'NotTerminating':
      return !isTerminating(pod);
    case 'BestEffort':
      return isBestEffort(pod);
    case 'NotBestEffort':
      return !isBestEffort(pod);
    case 'PriorityClass': {
      const name: string = pod.spec?.priorityClassName ?? '';
      if (s.operator === 'Exists') return name !== '';
      // podMatchesSelector: the selector evaluated against {PriorityClass: name} (the key is always present).
      if (s.operator === 'In') return (s.values ?? []).includes(name);
      if (s.operator === 'NotIn') return !(s.values ?? []).includes(name);
      return false; // DoesNotExist
    }
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespaceAffinity(pod);
    default:
      return false;
  }
}

/** A pod with activeDeadlineSeconds ≥ 0 is "terminating". */
function isTerminating(pod: KubeObject): boolean {
  const d = pod.spec?.activeDeadlineSeconds;
  return typeof d === 'number' && d >= 0;
}

/** qos.GetPodQOS == BestEffort: no container (init included) requests or limits cpu or memory. */
export function isBestEffort(pod: KubeObject): boolean {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])] as Json[];
  return all.every((c) => ['requests', 'limits'].every((k) => c.resources?.[k]?.cpu === undefined && c.resources?.[k]?.memory === undefined));
}

function usesCrossNamespaceAffinity(pod: KubeObject): boolean {
  const a = pod.spec?.affinity ?? {};
  const terms = [a.podAffinity, a.podAntiAffinity].flatMap((x: Json) => [...(x?.requiredDuringSchedulingIgnoredDuringExecution ?? []), ...(x?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w: Json) => w.podAffinityTerm)]);
  return terms.some((t: Json) => t && ((t.namespaces ?? []).length > 0 || t.namespaceSelector !== undefined));
}

/** `[]core.ResourceQuotaScope{"BestEffort", "NotBestEffort"}` as Go's %#v prints the slice. */
function goScopes(scopes: string[]) {
  return { goSyntax: `[]core.ResourceQuotaScope{${scopes.map((s) => JSON.stringify(s)).join(', ')}}` };
}

function isValidForResource(scope: string, resource: string): boolean {
  if (scope === 'BestEffort') return POD_COUNT.includes(resource);
  if (['Terminating', 'NotTerminating', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'].includes(scope)) return POD_COUNT.includes(resource) || POD_COMPUTE.includes(resource);
  return true;
}

/** Standard quota resource names the scope check applies to (helper.IsStandardQuotaResourceName). */
function isStandardQuotaResource(r: string): boolean {
  return [...POD_COUNT, ...POD_COMPUTE, 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers', 'requests.storage', 'ephemeral-storage', 'requests.ephemeral-storage', 'limits.ephemeral-storage'].includes(r) || r.startsWith('count/');
}

const CONFLICTS = [
  ['BestEffort', 'NotBestEffort'],
  ['Terminating', 'NotTerminating'],
];

/** validateResourceQuotaScopes + validateScopedResourceSelectorRequirement (messages as upstream). */
export function validateQuotaScopes(spec: Json): FieldError[] {
  const errs: FieldError[] = [];
  const hard = Object.keys(spec?.hard ?? {}).sort().filter(isStandardQuotaResource);
  const scopes: string[] = spec?.scopes ?? [];
  for (const scope of scopes) {
    if (!STANDARD_SCOPES.includes(scope)) errs.push(field.invalid('spec.scopes', goScopes(scopes), 'unsupported scope'));
    for (const r of hard) if (!isValidForResource(scope, r)) errs.push(field.invalid('spec.scopes', goScopes(scopes), 'unsupported scope applied to resource'));
  }
  for (const pair of CONFLICTS) if (pair.every((p) => scopes.includes(p))) errs.push(field.invalid('spec.scopes', goScopes(scopes), 'conflicting scopes'));
  const exprs: ScopeSelector[] = spec?.scopeSelector?.matchExpressions ?? [];
  const path = 'spec.scopeSelector.matchExpressions';
  for (const e of exprs) {
    if (!STANDARD_SCOPES.includes(e.scopeName)) errs.push(field.invalid(`${path}.scopeName`, e.scopeName, 'unsupported scope'));
    for (const r of hard) if (!isValidForResource(e.scopeName, r)) errs.push(field.invalid(path, spec.scopeSelector, 'unsupported scope applied to resource'));
    if (EXISTS_ONLY.includes(e.scopeName) && e.operator !== 'Exists') {
      errs.push(field.invalid(`${path}.operator`, e.operator, "must be 'Exist' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity"));
    }
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (!(e.values ?? []).length) errs.push(field.required(`${path}.values`, "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if ((e.values ?? []).length) errs.push(field.invalid(`${path}.values`, e.values, "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"));
    } else errs.push(field.invalid(`${path}.operator`, e.operator, 'not a valid selector operator'));
  }
  const names = exprs.map((e) => e.scopeName);
  for (const pair of CONFLICTS) if (pair.every((p) => names.includes(p))) errs.push(field.invalid(path, spec.scopeSelector, 'conflicting scopes'));
  return errs;
}
