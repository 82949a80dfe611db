import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../types';
import { flagBool } from '../args';

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/**
 * --record (deprecated, still honoured): stores the command line in the
 * kubernetes.io/change-cause annotation (genericclioptions RecordFlags.ToRecorder:
 * a ChangeCauseRecorder only for --record=true; v1.32.4 leaves an existing
 * annotation alone otherwise — recorded by tests/kubectl-oracle, scenario "rollouts").
 */
export function recordChangeCause(ctx: CommandContext, obj: KubeObject): void {
  if (!flagBool(ctx.flags, 'record')) return;
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: changeCause(ctx) };
}

/** `kubectl set image deployment/x a=b --record=true` (cmdutil.ChangeResourceAnnotation's text). */
function changeCause(ctx: CommandContext): string {
  const words = (ctx.argv ?? []).map((a) => (a === '--record' ? '--record=true' : a));
  return ['kubectl', ...words].join(' ');
}
