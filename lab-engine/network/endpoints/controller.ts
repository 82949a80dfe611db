import type { ClusterContext } from '../../sim/context';
import type { Queue } from '../../sim/runtime';
import { reconcileEndpoints } from './reconcile';
import type { EndpointCaches } from '../common/object-cache';

/** The legacy Endpoints controller (kube-controller-manager `endpoint`), kept for compatibility (`kubectl get ep`). */
export function startEndpointsController(ctx: ClusterContext, caches: EndpointCaches): Queue {
  return ctx.runtime.register({
    name: 'endpoints-controller',
    reconcile(key) {
      const i = key.indexOf('/');
      reconcileEndpoints(ctx, caches, key.slice(0, i), key.slice(i + 1));
    },
  });
}
