import type { ClusterContext } from '../../sim/context';
import type { Queue } from '../../sim/runtime';
import { reconcileEndpoints } from './reconcile';

/** The legacy Endpoints controller (kube-controller-manager `endpoint`), kept for compatibility (`kubectl get ep`). */
export function startEndpointsController(ctx: ClusterContext): Queue {
  return ctx.runtime.register({
    name: 'endpoints-controller',
    reconcile(key) {
      const i = key.indexOf('/');
      reconcileEndpoints(ctx, key.slice(0, i), key.slice(i + 1));
    },
  });
}
