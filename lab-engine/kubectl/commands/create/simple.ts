import type { KubeObject } from '../../../api/types';
import type { CommandContext, CommandSpec } from '../../types';
import { KubectlError } from '../../types';
import { flagBool, flagInt, flagString, flagStrings } from '../../args';
import { clusterMeta, complete, objectMeta, sortedMap, submit } from './common';
import { parseSelector } from '../../../api/selectors/label-selector';
import { QUANTITY_MSG, parseQuantity } from '../../../api/quantity';
import { issueServiceAccountToken } from '../../../security/token';
import { checkOutputFormat, outputFormat, printResult } from '../../flags/print';
import { formatRfc3339 } from '../../../base/clock';

export const createNamespace: CommandSpec = {
  use: 'namespace NAME [--dry-run=server|client|none]',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    return submit(ctx, dryRun, { kind: 'Namespace', apiVersion: 'v1', metadata: clusterMeta(name), spec: {}, status: {} });
  },
};

export const createServiceAccount: CommandSpec = {
  use: 'serviceaccount NAME [--dry-run=server|client|none]',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    return submit(ctx, dryRun, { kind: 'ServiceAccount', apiVersion: 'v1', metadata: objectMeta(ctx, name) }, { wrap: 'failed to create serviceaccount: ' });
  },
};

/** create_quota.go: --hard=cpu=1,memory=1G and --scopes=BestEffort,… */
export const createQuota: CommandSpec = {
  use: 'quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]',
  aliases: ['resourcequota'],
  short: 'Create a quota with the specified name',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const hard: Record<string, string> = {};
    const hardSpec = flagString(ctx.flags, 'hard');
    if (hardSpec) {
      for (const p of hardSpec.split(',')) {
        const parts = p.split('=');
        if (parts.length !== 2) throw new KubectlError(`Invalid argument syntax ${p}, expected <resource>=<value>`);
        const q = parseQuantity(parts[1]);
        if (!q) throw new KubectlError(QUANTITY_MSG);
        hard[parts[0]] = canonicalQuantity(parts[1]);
      }
    }
    const spec: Record<string, unknown> = {};
    if (Object.keys(hard).length > 0) spec.hard = sortedMap(hard);
    const scopes = flagString(ctx.flags, 'scopes');
    if (scopes) spec.scopes = scopes.split(',');
    return submit(ctx, dryRun, { kind: 'ResourceQuota', apiVersion: 'v1', metadata: objectMeta(ctx, name), spec, status: {} }, { wrap: 'failed to create quota: ' });
  },
};

export const createPriorityClass: CommandSpec = {
  use: 'priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]',
  aliases: ['pc'],
  short: 'Create a priority class with the specified name',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const obj: KubeObject = { kind: 'PriorityClass', apiVersion: 'scheduling.k8s.io/v1', metadata: clusterMeta(name), value: flagInt(ctx.flags, 'value') };
    if (flagBool(ctx.flags, 'global-default')) obj.globalDefault = true;
    if (flagString(ctx.flags, 'description')) obj.description = flagString(ctx.flags, 'description');
    obj.preemptionPolicy = flagString(ctx.flags, 'preemption-policy') || 'PreemptLowerPriority';
    return submit(ctx, dryRun, obj, { wrap: 'failed to create priorityclass: ' });
  },
};

/**
 * resource.Quantity's canonical string for the forms people type: the input
 * as written, minus a leading '+', with whole milli values folded (`2000m` → `2`).
 */
function canonicalQuantity(s: string): string {
  const v = s.replace(/^\+/, '');
  const m = /^(\d+)m$/.exec(v);
  if (m && Number(m[1]) % 1000 === 0) return String(Number(m[1]) / 1000);
  return v.replace(/^0+(?=\d)/, '');
}

/** metav1.ParseToLabelSelector. */
function labelSelector(s: string): Record<string, unknown> {
  const matchLabels: Record<string, string> = {};
  const exprs: unknown[] = [];
  for (const r of parseSelector(s)) {
    if (r.op === '=' || r.op === '==') matchLabels[r.key] = r.values[0];
    else if (r.op === 'in') exprs.push({ key: r.key, operator: 'In', values: r.values });
    else if (r.op === 'notin' || r.op === '!=') exprs.push({ key: r.key, operator: 'NotIn', values: r.values });
    else if (r.op === 'exists') exprs.push({ key: r.key, operator: 'Exists' });
    else if (r.op === '!') exprs.push({ key: r.key, operator: 'DoesNotExist' });
  }
  const out: Record<string, unknown> = {};
  if (Object.keys(matchLabels).length > 0) out.matchLabels = sortedMap(matchLabels);
  if (exprs.length > 0) out.matchExpressions = exprs;
  return out;
}

/** intstr.Parse: a number, or a string (percentages). */
function intOrString(s: string): number | string {
  return /^-?\d+$/.test(s) ? Number(s) : s;
}

export const createPodDisruptionBudget: CommandSpec = {
  use: 'poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]',
  aliases: ['pdb'],
  short: 'Create a pod disruption budget with the specified name',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const min = flagString(ctx.flags, 'min-available');
    const max = flagString(ctx.flags, 'max-unavailable');
    const selector = flagString(ctx.flags, 'selector');
    if (!selector) throw new KubectlError('a selector must be specified');
    if (!min && !max) throw new KubectlError('one of min-available or max-unavailable must be specified');
    if (min && max) throw new KubectlError('min-available and max-unavailable cannot be both specified');
    for (const [flag, v] of [['min-available', min], ['max-unavailable', max]]) {
      if (v && !/^\d+%?$/.test(v)) throw new KubectlError(`invalid format specified for ${flag}: ${v}`);
    }
    const spec: Record<string, unknown> = {};
    if (min) spec.minAvailable = intOrString(min);
    spec.selector = labelSelector(selector);
    if (max) spec.maxUnavailable = intOrString(max);
    const status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
    return submit(ctx, dryRun, { kind: 'PodDisruptionBudget', apiVersion: 'policy/v1', metadata: objectMeta(ctx, name), spec, status }, { wrap: 'failed to create poddisruptionbudgets: ' });
  },
};

const INGRESS_RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

export const createIngress: CommandSpec = {
  use: 'ingress NAME --rule=host/path=service:port[,tls[=secret]] ',
  aliases: ['ing'],
  short: 'Create an ingress with the specified name',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const rules = flagStrings(ctx.flags, 'rule');
    const annotations = flagStrings(ctx.flags, 'annotation');
    const defaultBackend = flagString(ctx.flags, 'default-backend');
    if (!defaultBackend && rules.length === 0) {
      throw new KubectlError('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
    }
    for (const r of rules) if (!INGRESS_RULE.test(r)) throw new KubectlError(`rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    const ann: Record<string, string> = {};
    for (const a of annotations) {
      const eq = a.indexOf('=');
      if (eq < 0) throw new KubectlError(`annotation ${a} is invalid and should be in format key=[value]`);
      ann[a.slice(0, eq)] = a.slice(eq + 1);
    }
    if (defaultBackend && defaultBackend.split(':').length !== 2) throw new KubectlError('default-backend should be in format servicename:serviceport');
    const spec: Record<string, unknown> = {};
    if (flagString(ctx.flags, 'class')) spec.ingressClassName = flagString(ctx.flags, 'class');
    if (defaultBackend) spec.defaultBackend = backend(defaultBackend);
    const tls = tlsRules(rules);
    if (tls.length > 0) spec.tls = tls;
    const httpRules = ingressRules(rules);
    if (httpRules.length > 0) spec.rules = httpRules;
    const obj: KubeObject = { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata: objectMeta(ctx, name, { annotations: ann }), spec, status: { loadBalancer: {} } };
    return submit(ctx, dryRun, obj, { wrap: 'failed to create ingress: ' });
  },
};

function backend(svc: string): Record<string, unknown> {
  const [svcName, port] = svc.split(':');
  return { service: { name: svcName, port: /^-?\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

/** create_ingress.go buildTLSRules: one entry per secret, each host once. */
function tlsRules(rules: string[]): { hosts?: string[]; secretName?: string }[] {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const secretParts = parts[1].split('=');
    const secret = secretParts.length > 1 ? secretParts[1] : '';
    if (seen.has(host)) continue;
    seen.add(host);
    const idx = out.findIndex((t) => (t.secretName ?? '') === secret);
    if (idx > -1) {
      out[idx].hosts = [...(out[idx].hosts ?? []), host];
      continue;
    }
    const t: { hosts?: string[]; secretName?: string } = {};
    if (host) t.hosts = [host];
    if (secret) t.secretName = secret;
    if (t.hosts || t.secretName) out.push(t);
  }
  return out;
}

function ingressRules(rules: string[]): Record<string, unknown>[] {
  const out: { host?: string; http: { paths: unknown[] } }[] = [];
  for (const rule of rules) {
    const noTls = rule.split(',')[0];
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const [pathPart, service] = noTls.slice(slash + 1).split('=');
    let path = `/${pathPart}`;
    let pathType = 'Exact';
    if (path.endsWith('*')) {
      pathType = 'Prefix';
      path = path.slice(0, -1);
    }
    const p = { path, pathType, backend: backend(service) };
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(p);
    else out.push(host ? { host, http: { paths: [p] } } : { http: { paths: [p] } });
  }
  return out;
}

/** `kubectl create token SA`: a TokenRequest; prints the signed token. */
export const createToken: CommandSpec = {
  use: 'token SERVICE_ACCOUNT_NAME',
  short: 'Request a service account token',
  flags: [],
  run(ctx) {
    const { name } = complete(ctx);
    const def = ctx.host.cluster.registry.forKind('v1', 'ServiceAccount');
    if (!def) throw new KubectlError('the server doesn\'t have a resource type "serviceaccounts"');
    const sa = ctx.api.get(def, ctx.namespace, name);
    // create_token.go Run: a newline only when stdout is a terminal (term.IsTerminal), so $(…) and files get the bare token.
    const seconds = durationSeconds(ctx);
    const issued = issueServiceAccountToken(ctx.host.cluster, sa, flagStrings(ctx.flags, 'audience'), seconds);
    // create_token.go Run: with -o the TokenRequest the server returned is printed
    // (`-o name` → tokenrequest.authentication.k8s.io/NAME), otherwise the bare token.
    if (outputFormat(ctx)) {
      checkOutputFormat(ctx);
      printResult(ctx, tokenRequest(sa, issued, seconds), { operation: 'created', typed: true });
      return 0;
    }
    ctx.io.out(ctx.host.stdoutIsTerminal?.() ? `${issued.token}\n` : issued.token);
    return 0;
  },
};

function durationSeconds(ctx: CommandContext): number {
  const ms = ctx.flags.values.duration as number;
  if (ms < 0) throw new KubectlError('--duration must be greater than or equal to 0');
  if (ms % 1000 !== 0) throw new KubectlError('--duration cannot be expressed in units less than seconds');
  return ms ? ms / 1000 : 3600;
}

/**
 * The TokenRequest the API server answers (pkg/registry/core/serviceaccount/storage/token.go),
 * in Go struct field order: no creationTimestamp (null), a null boundObjectRef when none was asked.
 */
function tokenRequest(sa: KubeObject, issued: { token: string; audiences: string[]; expiresAt: number }, seconds: number): KubeObject {
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: sa.metadata.name, namespace: sa.metadata.namespace, creationTimestamp: null },
    spec: { audiences: issued.audiences, expirationSeconds: seconds, boundObjectRef: null },
    status: { token: issued.token, expirationTimestamp: formatRfc3339(issued.expiresAt * 1000) },
  } as unknown as KubeObject;
}
