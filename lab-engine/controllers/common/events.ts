import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../../api/types';
import { isApiError } from '../../api/errors';

/**
 * Records an event like client-go's recorder: best effort. An event the API
 * refuses (e.g. its namespace is terminating) is dropped, never an error for
 * the controller that recorded it.
 */
export function recordEvent(ctx: Pick<ClusterContext, 'events'>, obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string): void {
  try {
    ctx.events.record(obj, type, reason, message, { component });
  } catch (e) {
    if (!isApiError(e)) throw e;
  }
}
