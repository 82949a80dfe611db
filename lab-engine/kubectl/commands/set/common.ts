import type { KubeObject } from '../../../api/types';
import type { CommandContext } from '../../types';
import { KubectlError } from '../../types';
import { flagBool } from '../../args';
import { AggregateError } from '../../check-err';
import { checkOutputFormat, dryRunStrategy, printResult, recordChangeCause, type DryRunStrategy } from '../../flags';
import { NO_RESOURCES_MESSAGE, hasFilenames, selectObjects, selectionFlags, type Info } from '../../resource-builder';

/**
 * Shared by the `kubectl set …` verbs (kubectl/pkg/cmd/set): pick the
 * objects, change each one's pod template in place, print
 * `<kind>/<name> <operation>`, with --local / --dry-run / -o.
 */
export interface SetRun {
  /** Changes the object in place; returns false when it has no pod template (skipped). */
  mutate(obj: KubeObject, info: Info): boolean;
  operation: string;
  /** Resource arguments (without the verb's own KEY=VALUE arguments). */
  resources: string[];
}

/** The PodSpec inside any workload (polymorphichelpers.UpdatePodSpecForObject). */
export function podSpecOf(obj: KubeObject): Record<string, unknown> & { containers?: Record<string, unknown>[]; initContainers?: Record<string, unknown>[] } | undefined {
  switch (obj.kind) {
    case 'Pod':
      return obj.spec;
    case 'CronJob':
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'ReplicationController':
      return obj.spec?.template?.spec;
    default:
      return undefined;
  }
}

export function runSet(ctx: CommandContext, run: SetRun): number {
  const local = flagBool(ctx.flags, 'local');
  const dryRun: DryRunStrategy = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  if (run.resources.length === 0 && !hasFilenames(ctx)) throw new KubectlError(NO_RESOURCES_MESSAGE);
  if (local && run.resources.length > 0) throw new KubectlError('can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set');
  const { infos, errors } = selectObjects(ctx, { args: run.resources, files: true, local, ...selectionFlags(ctx) });
  for (const info of infos) {
    const obj = JSON.parse(JSON.stringify(info.object)) as KubeObject;
    if (!run.mutate(obj, info)) {
      errors.push(new KubectlError(`${info.def.resource}/${info.name} the object is not a pod or does not have a pod template: *v1.${info.def.kind}`));
      continue;
    }
    recordChangeCause(ctx, obj);
    if (local || dryRun === 'client') {
      printResult(ctx, typedRoundTrip(obj), { operation: run.operation, dryRun: local ? 'none' : dryRun });
      continue;
    }
    const saved = ctx.api.update(obj, { dryRun: dryRun === 'server' });
    printResult(ctx, saved, { operation: run.operation, dryRun });
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

/** Containers whose name matches a `-c/--containers` glob (`*` by default). */
export function selectContainers(containers: Record<string, unknown>[] | undefined, pattern: string): Record<string, unknown>[] {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return (containers ?? []).filter((c) => re.test(String(c.name)));
}

/** Splits `kubectl set X` arguments: resources first, then KEY=VALUE pairs. */
export function splitArgs(args: string[]): { resources: string[]; pairs: string[] } {
  const i = args.findIndex((a) => a.includes('='));
  return i < 0 ? { resources: args, pairs: [] } : { resources: args.slice(0, i), pairs: args.slice(i) };
}

/**
 * What decoding into the Go type and encoding again adds (the set commands
 * convert objects to their typed form): `creationTimestamp: null`,
 * `resources: {}` on containers, empty `strategy`/`status` structs.
 */
export function typedRoundTrip(obj: KubeObject): KubeObject {
  const meta = (m: Record<string, unknown> | undefined) => {
    const out = { ...(m ?? {}) };
    if (!('creationTimestamp' in out)) out.creationTimestamp = null;
    return out;
  };
  obj.metadata = meta(obj.metadata as Record<string, unknown>) as KubeObject["metadata"];
  const spec = podSpecOf(obj);
  if (spec) for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) if (!('resources' in c)) c.resources = {};
  const template = obj.kind === 'CronJob' ? obj.spec?.jobTemplate?.spec?.template : obj.spec?.template;
  if (template && obj.kind !== 'Pod') template.metadata = meta(template.metadata);
  if (obj.kind === 'CronJob' && obj.spec?.jobTemplate) obj.spec.jobTemplate.metadata = meta(obj.spec.jobTemplate.metadata);
  if ((obj.kind === 'Deployment') && obj.spec && !('strategy' in obj.spec)) obj.spec.strategy = {};
  if ((obj.kind === 'StatefulSet' || obj.kind === 'DaemonSet') && obj.spec && !('updateStrategy' in obj.spec)) obj.spec.updateStrategy = {};
  if (!('status' in obj)) obj.status = TYPED_STATUS[obj.kind] ?? {};
  return obj;
}

const TYPED_STATUS: Record<string, unknown> = {
  Service: { loadBalancer: {} },
  StatefulSet: { replicas: 0, availableReplicas: 0 },
  DaemonSet: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
  ReplicaSet: { replicas: 0 },
};
