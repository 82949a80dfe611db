import type { ClusterContext } from '../../sim/context';
import type { Queue } from '../../sim/runtime';
import { reconcileEndpointSlices } from './reconcile';
import type { EndpointCaches } from '../common/object-cache';

/** The EndpointSlice controller (kube-controller-manager `endpointslice`). Returns its queue (keys `ns/name`). */
export function startEndpointSliceController(ctx: ClusterContext, caches: EndpointCaches): Queue {
  return ctx.runtime.register({
    name: 'endpointslice-controller',
    reconcile(key) {
      const i = key.indexOf('/');
      reconcileEndpointSlices(ctx, caches, key.slice(0, i), key.slice(i + 1));
    },
  });
}
