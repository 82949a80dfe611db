import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../types';
import { flagBool } from '../args';

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/**
 * --record (deprecated, still honoured): stores the command line in the
 * kubernetes.io/change-cause annotation (cmdutil.RecordChangeCause), also kept
 * up to date when the object already had one.
 */
export function recordChangeCause(ctx: CommandContext, obj: KubeObject): void {
  const has = obj.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] !== undefined;
  if (!flagBool(ctx.flags, 'record') && !has) return;
  if (!flagBool(ctx.flags, 'record') && ctx.flags.changed.has('record')) return;
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: changeCause(ctx) };
}

/** `kubectl set image deployment/x a=b --record=true` (cmdutil.ChangeResourceAnnotation's text). */
function changeCause(ctx: CommandContext): string {
  const words = (ctx.argv ?? []).map((a) => (a === '--record' ? '--record=true' : a));
  return ['kubectl', ...words].join(' ');
}
