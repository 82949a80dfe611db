import type { CommandContext } from '../types';
import { KubectlError } from '../types';
import { flagString } from '../args';
import { klogLine } from '../check-err';

export type DryRunStrategy = 'none' | 'client' | 'server';

/** cmdutil.GetDryRunStrategy (kubectl/pkg/cmd/util/helpers.go), with its klog warnings. */
export function dryRunStrategy(ctx: CommandContext): DryRunStrategy {
  const v = flagString(ctx.flags, 'dry-run') || 'none';
  const clock = ctx.host.cluster.clock;
  if (v === 'unchanged') {
    ctx.io.err(klogLine('W', clock, 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.'));
    return 'client';
  }
  if (v === 'client' || v === 'server' || v === 'none') return v;
  const b = parseGoBool(v);
  if (b === undefined) throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  const line = b ? 'helpers.go:716' : 'helpers.go:719';
  ctx.io.err(klogLine('W', clock, line, `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${b ? 'client' : 'none'}.`));
  return b ? 'client' : 'none';
}

function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** " (dry run)" / " (server dry run)" appended to the operation word. */
export function dryRunSuffix(strategy: DryRunStrategy): string {
  return strategy === 'client' ? ' (dry run)' : strategy === 'server' ? ' (server dry run)' : '';
}
