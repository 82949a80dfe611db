import type { CommandSpec } from '../types';
import { COMPLETION_SCRIPTS } from '../help/help-data';
import { usageError } from './create/common';

/**
 * `kubectl completion SHELL` prints kubectl's completion script, recorded
 * verbatim from v1.32.4. The shell makes `source <(kubectl completion bash)`
 * enable its own completion instead of evaluating the script.
 */
export const completion: CommandSpec = {
  use: 'completion SHELL',
  short: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
  flags: [],
  run(ctx) {
    const args = ctx.flags.args;
    if (args.length === 0) throw usageError(ctx, 'Shell not specified.');
    if (args.length > 1) throw usageError(ctx, 'Too many arguments. Expected only the shell type.');
    const script = COMPLETION_SCRIPTS[args[0]];
    if (script === undefined) throw usageError(ctx, `Unsupported shell type ${JSON.stringify(args[0])}.`);
    ctx.io.out(script);
    return 0;
  },
};
