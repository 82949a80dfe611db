import type { KubeObject } from '../../../api/types';
import type { CommandContext, CommandSpec } from '../../types';
import { KubectlError } from '../../types';
import { flagInt, flagString, flagStrings } from '../../args';
import { complete, objectMeta, randomSuffix, submit, usageError } from './common';

/** create_deployment.go buildPodSpec: container names from the image's last path segment, tag/digest dropped. */
function containersFromImages(ctx: CommandContext, images: string[], command: string[]): Record<string, unknown>[] {
  return images.map((image) => {
    let name = image.split('/').pop() ?? image;
    if (name.includes(':')) name = name.split(':')[0];
    if (name.includes('@')) name = name.split('@')[0];
    if (/[_.]/.test(name)) name = `${name.replace(/_/g, '-').replace(/\./g, '-')}-${randomSuffix(ctx)}`;
    const c: Record<string, unknown> = { name, image };
    if (command.length > 0) c.command = command;
    c.resources = {};
    return c;
  });
}

export const createDeployment: CommandSpec = {
  use: 'deployment NAME --image=image -- [COMMAND] [args...]',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  flags: [],
  requiredFlags: ['image'],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const images = flagStrings(ctx.flags, 'image');
    const command = ctx.flags.afterDash;
    if (images.length > 1 && command.length > 0) throw new KubectlError('cannot specify multiple --image options and command');
    const labels = { app: name };
    const containers = containersFromImages(ctx, images, command);
    const port = flagInt(ctx.flags, 'port');
    if (port >= 0 && containers.length > 0) insertPorts(containers[0], [{ containerPort: port }]);
    const obj: KubeObject = {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: objectMeta(ctx, name, { labels }),
      spec: {
        replicas: flagInt(ctx.flags, 'replicas'),
        selector: { matchLabels: labels },
        template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
        strategy: {},
      },
      status: {},
    };
    return submit(ctx, dryRun, obj, { wrap: 'failed to create deployment: ' });
  },
};

/** Container fields in Go struct order: name, image, command, args, workingDir, ports, envFrom, env, resources. */
function insertPorts(c: Record<string, unknown>, ports: unknown[]): void {
  const { resources, ...rest } = c;
  Object.assign(c, {});
  for (const k of Object.keys(c)) delete c[k];
  Object.assign(c, rest, { ports }, { resources });
}

function jobPodSpec(name: string, image: string, command: string[], restartPolicy: string): Record<string, unknown> {
  const c: Record<string, unknown> = { name, image };
  if (command.length > 0) c.command = command;
  c.resources = {};
  return { containers: [c], restartPolicy };
}

export const createJob: CommandSpec = {
  use: 'job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
  short: 'Create a job with the specified name',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const image = flagString(ctx.flags, 'image');
    const from = flagString(ctx.flags, 'from');
    if (!image && !from) throw new KubectlError('either --image or --from must be specified');
    if (image && from) throw new KubectlError('--image and --from are mutually exclusive');
    const obj = from ? jobFromCronJob(ctx, name, from) : jobFromImage(ctx, name, image, ctx.flags.afterDash);
    return submit(ctx, dryRun, obj, { wrap: 'failed to create job: ' });
  },
};

function jobFromImage(ctx: CommandContext, name: string, image: string, command: string[]): KubeObject {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: objectMeta(ctx, name),
    spec: { template: { metadata: { creationTimestamp: null }, spec: jobPodSpec(name, image, command, 'Never') } },
    status: {},
  };
}

/** create_job.go createJobFromCronJob: the CronJob's jobTemplate, annotated as a manual instantiation. */
function jobFromCronJob(ctx: CommandContext, name: string, from: string): KubeObject {
  const slash = from.indexOf('/');
  if (slash < 0) throw new KubectlError(`from must be of the form <resource>/<name>`);
  const def = ctx.host.cluster.registry.resolve(from.slice(0, slash));
  if (!def || def.kind !== 'CronJob') throw new KubectlError(`unknown object type ${def?.kind ?? from.slice(0, slash)}`);
  const cj = ctx.api.get(def, ctx.namespace, from.slice(slash + 1));
  const tmpl = cj.spec?.jobTemplate ?? {};
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tmpl.metadata?.annotations ?? {}) };
  const meta: Record<string, unknown> = { name };
  if (ctx.namespaceExplicit) meta.namespace = ctx.namespace;
  meta.creationTimestamp = null;
  if (tmpl.metadata?.labels) meta.labels = tmpl.metadata.labels;
  meta.annotations = annotations;
  meta.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }];
  return { kind: 'Job', apiVersion: 'batch/v1', metadata: meta as KubeObject['metadata'], spec: tmpl.spec ?? {}, status: {} };
}

export const createCronJob: CommandSpec = {
  use: 'cronjob NAME --image=image --schedule=\'0/5 * * * ?\' -- [COMMAND] [args...] [flags]',
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  flags: [],
  requiredFlags: ['image', 'schedule'],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const restart = flagString(ctx.flags, 'restart') || 'OnFailure';
    const image = flagString(ctx.flags, 'image');
    const obj: KubeObject = {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: objectMeta(ctx, name),
      spec: {
        schedule: flagString(ctx.flags, 'schedule'),
        jobTemplate: {
          metadata: ctx.namespaceExplicit ? { name, namespace: ctx.namespace, creationTimestamp: null } : { name, creationTimestamp: null },
          spec: { template: { metadata: { creationTimestamp: null }, spec: jobPodSpec(name, image, ctx.flags.afterDash, restart) } },
        },
      },
      status: {},
    };
    return submit(ctx, dryRun, obj, { wrap: 'failed to create cronjob: ' });
  },
};

void usageError;
