import type { CommandSpec } from '../../types';
import { podSpecOf, runSet } from './common';
import { usageError } from '../create/common';

/** `kubectl set serviceaccount` (set_serviceaccount.go). */
export const setServiceAccount: CommandSpec = {
  use: 'serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT',
  aliases: ['sa'],
  short: 'Update the service account of a resource',
  flags: [],
  run(ctx) {
    const args = ctx.flags.args;
    const fromFiles = (ctx.flags.values.filename as string[]).length > 0;
    if (args.length === 0 || (!fromFiles && args.length < 2)) throw usageError(ctx, 'serviceaccount is required');
    const sa = args[args.length - 1];
    return runSet(ctx, {
      resources: args.slice(0, -1),
      operation: 'serviceaccount updated',
      mutate(obj) {
        const spec = podSpecOf(obj);
        if (!spec) return false;
        spec.serviceAccountName = sa;
        if (obj.kind === 'Pod') spec.serviceAccount = sa;
        return true;
      },
    });
  },
};
