import type { CommandContext } from '../types';
import { KubectlError } from '../types';
import { flagString } from '../args';

/** cmdutil.GetValidationDirective: --validate → the fieldValidation query parameter. */
export function fieldValidation(ctx: CommandContext): 'Strict' | 'Warn' | 'Ignore' {
  if (!ctx.flags.values.validate && !ctx.flags.changed.has('validate')) return 'Strict';
  const v = flagString(ctx.flags, 'validate').toLowerCase();
  if (v === 'strict' || v === 'true') return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'ignore' || v === 'false') return 'Ignore';
  throw new KubectlError(`invalid - validate option "${flagString(ctx.flags, 'validate')}"; must be one of: strict (or true), warn, ignore (or false)`);
}
