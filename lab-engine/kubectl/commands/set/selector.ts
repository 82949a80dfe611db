import type { CommandSpec } from '../../types';
import { KubectlError } from '../../types';
import { runSet } from './common';
import { usageError } from '../create/common';
import { parseSelector } from '../../../api/selectors/label-selector';

/** `kubectl set selector` (set_selector.go): services get spec.selector; others matchLabels. */
export const setSelector: CommandSpec = {
  use: 'selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version]',
  short: 'Set the selector on a resource',
  flags: [],
  run(ctx) {
    const args = ctx.flags.args;
    if (args.length === 0) throw usageError(ctx, 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
    const expr = args[args.length - 1];
    const matchLabels: Record<string, string> = {};
    for (const r of parseSelector(expr)) {
      if (r.op === '=' || r.op === '==') matchLabels[r.key] = r.values[0];
      else throw new KubectlError(`${expr} is not a valid selector`);
    }
    return runSet(ctx, {
      resources: args.slice(0, -1),
      operation: 'selector updated',
      mutate(obj) {
        if (obj.kind === 'Service') obj.spec = { ...obj.spec, selector: matchLabels };
        else obj.spec = { ...obj.spec, selector: { matchLabels } };
        return true;
      },
    });
  },
};
