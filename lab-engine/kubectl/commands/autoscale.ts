import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagInt, flagString } from '../args';
import { AggregateError } from '../check-err';
import { checkOutputFormat, dryRunStrategy, fieldValidation, printResult, recordChangeCause } from '../flags';
import { NO_RESOURCES_MESSAGE, hasFilenames, selectObjects } from '../resource-builder';
import { forServer, objectMeta } from './create/common';

const SCALABLE = ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'];

/** `kubectl autoscale` (kubectl/pkg/cmd/autoscale/autoscale.go): an autoscaling/v2 HPA. */
export const autoscale: CommandSpec = {
  use: 'autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  flags: [],
  run: runAutoscale,
};

function runAutoscale(ctx: CommandContext): number {
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  const min = flagInt(ctx.flags, 'min');
  const max = flagInt(ctx.flags, 'max');
  if (max < 1) throw new KubectlError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new KubectlError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  if (ctx.flags.args.length === 0 && !hasFilenames(ctx)) throw new KubectlError(NO_RESOURCES_MESSAGE);
  const { infos, errors } = selectObjects(ctx, { args: ctx.flags.args, files: true });
  for (const info of infos) {
    if (!SCALABLE.includes(info.def.kind)) throw new KubectlError(`cannot autoscale a ${info.def.kind}: ${info.def.resource}/${info.name}`);
    const hpa = buildHpa(ctx, info.object, min, max);
    recordChangeCause(ctx, hpa);
    if (dryRun === 'client') {
      // autoscale.go (v1.32) prints the client-side object with the "created" operation.
      printResult(ctx, hpa, { operation: 'created', dryRun, typed: true });
      continue;
    }
    const toSend = forServer(ctx, { ...hpa, metadata: { ...hpa.metadata, namespace: info.namespace } });
    const created = ctx.api.create(ctx.host.cluster.registry.forKind('autoscaling/v1', 'HorizontalPodAutoscaler') ? toSend : toV2(toSend), { dryRun: dryRun === 'server', fieldValidation: fieldValidation(ctx) });
    printResult(ctx, created, { operation: 'autoscaled', dryRun });
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

/** autoscale.go (v1.32) createHorizontalPodAutoscaler: an autoscaling/v1 HPA. */
function buildHpa(ctx: CommandContext, target: KubeObject, min: number, max: number): KubeObject {
  const name = flagString(ctx.flags, 'name') || target.metadata.name!;
  const spec: Record<string, unknown> = { scaleTargetRef: { kind: target.kind, name: target.metadata.name, apiVersion: target.apiVersion } };
  if (min > 0) spec.minReplicas = min;
  spec.maxReplicas = max;
  const cpu = flagInt(ctx.flags, 'cpu-percent');
  if (cpu >= 0) spec.targetCPUUtilizationPercentage = cpu;
  return { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v1', metadata: objectMeta(ctx, name), spec, status: { currentReplicas: 0, desiredReplicas: 0 } };
}

/** The API server's v1 → v2 conversion, for stores that only keep autoscaling/v2. */
function toV2(hpa: KubeObject): KubeObject {
  const { targetCPUUtilizationPercentage: cpu, ...spec } = hpa.spec;
  if (cpu !== undefined) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }];
  return { ...hpa, apiVersion: 'autoscaling/v2', spec };
}
