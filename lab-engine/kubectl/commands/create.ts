import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { AggregateError, addSourceToErr } from '../check-err';
import { checkOutputFormat, dryRunStrategy, fieldValidation, printResult, recordChangeCause } from '../flags';
import { hasFilenames, infosFromFiles } from '../resource-builder';
import { setLastApplied } from '../apply/last-applied';
import { usageError } from './create/common';
import { createCronJob, createDeployment, createJob } from './create/workloads';
import { createConfigMap } from './create/configmap';
import { createSecret } from './create/secret';
import { createService } from './create/service';
import { createClusterRole, createClusterRoleBinding, createRole, createRoleBinding } from './create/rbac';
import { createIngress, createNamespace, createPodDisruptionBudget, createPriorityClass, createQuota, createServiceAccount, createToken } from './create/simple';

/** `kubectl create -f FILENAME` and the generators (kubectl/pkg/cmd/create/create.go). */
export const create: CommandSpec = {
  use: 'create -f FILENAME',
  short: 'Create a resource from a file or from stdin',
  flags: [],
  subcommands: [
    createClusterRole, createClusterRoleBinding, createConfigMap, createCronJob, createDeployment, createIngress, createJob,
    createNamespace, createPodDisruptionBudget, createPriorityClass, createQuota, createRole, createRoleBinding, createSecret,
    createService, createServiceAccount, createToken,
  ],
  run: runCreate,
};

function runCreate(ctx: CommandContext): number {
  if (ctx.flags.args.length > 0) throw usageError(ctx, `Unexpected args: [${ctx.flags.args.join(' ')}]`);
  if (!hasFilenames(ctx) && !flagString(ctx.flags, 'kustomize')) throw new KubectlError('must specify one of -f and -k');
  if (flagString(ctx.flags, 'kustomize')) throw new KubectlError(`must build at directory: not a valid directory: evalsymlink failure on '${flagString(ctx.flags, 'kustomize')}' : lstat ${flagString(ctx.flags, 'kustomize')}: no such file or directory`);
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  const validation = fieldValidation(ctx);
  const infos = infosFromFiles(ctx);
  const errors: Error[] = [];
  let count = 0;
  for (const info of infos) {
    const obj = info.object as KubeObject;
    if (flagBool(ctx.flags, 'save-config')) setLastApplied(obj, false);
    recordChangeCause(ctx, obj);
    try {
      const created = dryRun === 'client' ? obj : ctx.api.create(obj, { dryRun: dryRun === 'server', fieldValidation: validation, fieldManager: flagString(ctx.flags, 'field-manager') });
      printResult(ctx, created, { operation: 'created', dryRun });
      count++;
    } catch (e) {
      errors.push(addSourceToErr('creating', info.source, e) as Error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  if (count === 0) throw new KubectlError('no objects passed to create');
  return 0;
}
