import type { AdmissionContext, AdmissionPlugin } from '../store';
import type { KindDef } from '../registry';
import type { Json, KubeObject } from '../types';
import { forbidden } from '../errors';
import { evaluatePodSecurity } from './pod-security-checks';
import { auditLogOf } from '../audit/audit-log';

const LABEL = 'pod-security.kubernetes.io/';

/** Pod templates of the workload kinds PodSecurity warns/audits (not enforced: only pods are). */
const TEMPLATES: Record<string, (o: KubeObject) => Json> = {
  'apps/deployments': (o) => o.spec?.template?.spec,
  'apps/replicasets': (o) => o.spec?.template?.spec,
  'apps/statefulsets': (o) => o.spec?.template?.spec,
  'apps/daemonsets': (o) => o.spec?.template?.spec,
  'batch/jobs': (o) => o.spec?.template?.spec,
  'batch/cronjobs': (o) => o.spec?.jobTemplate?.spec?.template?.spec,
  '/replicationcontrollers': (o) => o.spec?.template?.spec,
  '/podtemplates': (o) => o.template?.spec,
};

/**
 * PodSecurity admission (k8s.io/pod-security-admission/admission): the
 * namespace's `pod-security.kubernetes.io/{enforce,warn,audit}[-version]`
 * labels pick a level; pods violating the enforce level are refused with
 * `violates PodSecurity "<level>:<version>": …`, warn adds `would violate …`
 * warnings (pods and workload templates). Labelling a namespace reports the
 * existing pods that violate the new enforce level. With the audit log on
 * (api/audit), each evaluated request carries the audit annotations
 * `pod-security.kubernetes.io/enforce-policy` (pods) and
 * `pod-security.kubernetes.io/audit-violations` (audit level violated).
 */
export const podSecurityAdmission: AdmissionPlugin = {
  name: 'PodSecurity',
  validate(op, def, obj, old, ctx) {
    if (op === 'DELETE') return;
    if (def.group === '' && def.resource === 'namespaces') return checkNamespaceLabels(obj, old, ctx);
    const key = `${def.group}/${def.resource}`;
    const isPod = key === '/pods';
    const specOf = isPod ? (o: KubeObject) => o.spec : TEMPLATES[key];
    if (!specOf) return;
    if (op === 'UPDATE' && old && JSON.stringify(specOf(obj)) === JSON.stringify(specOf(old))) return;
    const ns = ctx.peek('namespaces', '', obj.metadata.namespace ?? '');
    const labels = ns?.metadata.labels ?? {};
    const spec = specOf(obj);
    // admission.go EvaluatePod: audit annotations (prefixed with the plugin's name by the apiserver).
    const audit = ctx.dryRun ? undefined : auditLogOf(ctx.store);
    const annotations: Record<string, string> = {};
    if (isPod) annotations[`${LABEL}enforce-policy`] = policyValue(labels, 'enforce');
    const auditLevel = labels[`${LABEL}audit`];
    if (auditLevel && audit?.enabled) {
      const v = evaluatePodSecurity(auditLevel, spec);
      if (v.length) annotations[`${LABEL}audit-violations`] = `would violate PodSecurity ${policyName(labels, 'audit')}: ${detail(v)}`;
    }
    const enforce = labels[`${LABEL}enforce`];
    if (isPod && enforce) {
      const v = evaluatePodSecurity(enforce, spec);
      if (v.length) {
        const err = forbidden(def, obj.metadata.name || '', `violates PodSecurity ${policyName(labels, 'enforce')}: ${detail(v)}`);
        audit?.refused(op, def, obj, ctx.user, annotations, { message: err.status.message, reason: 'Forbidden', code: 403 });
        throw err;
      }
    }
    audit?.annotate(op, def, obj, ctx.user, annotations);
    const warn = labels[`${LABEL}warn`];
    if (warn) {
      const v = evaluatePodSecurity(warn, spec);
      if (v.length) ctx.warnings.push(`would violate PodSecurity ${policyName(labels, 'warn')}: ${detail(v)}`);
    }
  },
};

/** CheckResult ForbiddenReason (ForbiddenDetail), comma-joined: AggregateCheckResult.ForbiddenDetail. */
function detail(v: { reason: string; detail: string }[]): string {
  return v.map((x) => `${x.reason} (${x.detail})`).join(', ');
}

/** `restricted:latest`; a namespace without the label gets the default policy (privileged:latest). */
function policyValue(labels: Record<string, string>, mode: string): string {
  return `${labels[`${LABEL}${mode}`] ?? 'privileged'}:${labels[`${LABEL}${mode}-version`] ?? 'latest'}`;
}

function policyName(labels: Record<string, string>, mode: string): string {
  return JSON.stringify(policyValue(labels, mode));
}

/** Warnings when a namespace's enforce level is set or raised (admission.go EvaluatePodsInNamespace). */
function checkNamespaceLabels(ns: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): void {
  const labels = ns.metadata.labels ?? {};
  const level = labels[`${LABEL}enforce`];
  if (!level || !old || (old.metadata.labels ?? {})[`${LABEL}enforce`] === level) return;
  const offenders: string[] = [];
  for (const pod of ctx.store.peekList('pods', ns.metadata.name)) {
    const v = evaluatePodSecurity(level, pod.spec);
    if (v.length) offenders.push(`${pod.metadata.name}: ${v.map((x) => x.reason).join(', ')}`);
  }
  if (!offenders.length) return;
  ctx.warnings.push(`existing pods in namespace ${JSON.stringify(ns.metadata.name)} violate the new PodSecurity enforce level ${policyName(labels, 'enforce')}`, ...offenders);
}

export type { KindDef };
