import type { KubeObject } from '../../../api/types';
import type { CommandContext } from '../../types';
import { KubectlError } from '../../types';
import { isApiError } from '../../../api/errors';
import { flagBool, flagString } from '../../args';
import { checkOutputFormat, dryRunStrategy, fieldValidation, printResult, type DryRunStrategy } from '../../flags';
import { setLastApplied } from '../../apply/last-applied';

/** cmdutil.UsageErrorf: `error: <msg>` + `See 'kubectl <path> -h' for help and examples`. */
export function usageError(ctx: CommandContext, msg: string): KubectlError {
  return new KubectlError(`error: ${msg}\nSee '${['kubectl', ...ctx.path].join(' ')} -h' for help and examples`, 1, true);
}

/** NameFromCommandArgs: exactly one NAME. */
export function requireName(ctx: CommandContext): string {
  const n = ctx.flags.args.length;
  if (n !== 1) throw usageError(ctx, `exactly one NAME is required, got ${n}`);
  return ctx.flags.args[0];
}

/** ObjectMeta in Go struct order: name, namespace (only with an explicit -n), creationTimestamp, labels, annotations. */
export function objectMeta(ctx: CommandContext, name: string, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}): KubeObject['metadata'] {
  const m: Record<string, unknown> = { name };
  if (ctx.namespaceExplicit) m.namespace = ctx.namespace;
  m.creationTimestamp = null;
  if (extra.labels) m.labels = sortedMap(extra.labels);
  if (extra.annotations && Object.keys(extra.annotations).length > 0) m.annotations = sortedMap(extra.annotations);
  return m as KubeObject['metadata'];
}

/** Cluster-scoped kinds never carry a namespace. */
export function clusterMeta(name: string): KubeObject['metadata'] {
  return { name, creationTimestamp: null } as unknown as KubeObject['metadata'];
}

/** Go maps marshal with sorted keys. */
export function sortedMap<T>(m: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

export interface GeneratorOptions {
  /** Wraps API errors like `failed to create deployment: %v` (undefined = print the API error as is). */
  wrap?: string;
}

/**
 * The Complete step every generator shares, in kubectl's order: NAME from the
 * arguments, then --dry-run, then the printer (-o), then --validate.
 */
export function complete(ctx: CommandContext, opts: { name?: boolean } = {}): { name: string; dryRun: DryRunStrategy } {
  const name = opts.name === false ? '' : requireName(ctx);
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  fieldValidation(ctx);
  return { name, dryRun };
}

/**
 * The shared Run of every `kubectl create <generator>`: --save-config, then
 * either print the object (--dry-run=client) or create it and print the
 * server's answer.
 */
export function submit(ctx: CommandContext, dryRun: DryRunStrategy, obj: KubeObject, opts: GeneratorOptions = {}): number {
  if (flagBool(ctx.flags, 'save-config')) setLastApplied(obj);
  if (dryRun === 'client') {
    printResult(ctx, obj, { operation: 'created', dryRun, typed: true });
    return 0;
  }
  let created: KubeObject;
  try {
    created = ctx.api.create(forServer(ctx, obj), { dryRun: dryRun === 'server', fieldValidation: fieldValidation(ctx), fieldManager: flagString(ctx.flags, 'field-manager') });
  } catch (e) {
    if (opts.wrap !== undefined && isApiError(e)) throw new KubectlError(`${opts.wrap}${e.status.message}`);
    throw e;
  }
  printResult(ctx, created, { operation: 'created', dryRun });
  return 0;
}

/** A random 5-character suffix (utilrand.String) from the cluster's seeded generator. */
export function randomSuffix(ctx: CommandContext, n = 5): string {
  const c = ctx.host.cluster;
  return c.rng.derive(`kubectl/${c.store.resourceVersion()}/${c.clock.nowMs()}`).k8sString(n);
}

/** The JSON the client would send: nulls and the empty status dropped, namespace filled in. */
export function forServer(ctx: CommandContext, obj: KubeObject): KubeObject {
  const copy = JSON.parse(JSON.stringify(obj, (_k, v) => (v === null ? undefined : v))) as KubeObject;
  if (copy.status && Object.keys(copy.status).length === 0) delete copy.status;
  const def = ctx.host.cluster.registry.forKind(copy.apiVersion, copy.kind);
  if (def?.namespaced && !copy.metadata.namespace) copy.metadata.namespace = ctx.namespace;
  return copy;
}
