import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../../api/types';
import { reconcileMirroring } from './reconcile';

/** The EndpointSlice mirroring controller (kube-controller-manager `endpointslicemirroring`). */
export function startMirroringController(ctx: ClusterContext) {
  const queue = ctx.runtime.register({
    name: 'endpointslicemirroring-controller',
    reconcile(key) {
      const i = key.indexOf('/');
      reconcileMirroring(ctx, key.slice(0, i), key.slice(i + 1));
    },
  });
  const add = (o: KubeObject) => queue.add(`${o.metadata.namespace}/${o.metadata.name}`);
  ctx.store.watch((ev) => add(ev.object), { resource: 'endpoints' });
  ctx.store.watch((ev) => add(ev.object), { resource: 'services' });
  return queue;
}
