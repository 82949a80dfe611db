import type { ClusterContext } from '../../sim/context';
import type { Queue } from '../../sim/runtime';
import type { KubeObject } from '../../api/types';
import { podMatches, serviceSelector } from './pods';
import type { ObjectCache } from './object-cache';

/**
 * The event handlers the endpoints and EndpointSlice controllers share
 * (pkg/controller/endpointslice: onServiceUpdate, onPodUpdate): a Service
 * change queues that Service; a Pod change queues every Service in its
 * namespace whose selector matched the pod before or after the change.
 */
export function watchServicesAndPods(ctx: ClusterContext, queues: Queue[], services: ObjectCache): void {
  const add = (key: string) => queues.forEach((q) => q.add(key));
  ctx.store.watch((ev) => add(`${ev.object.metadata.namespace}/${ev.object.metadata.name}`), { resource: 'services' });
  ctx.store.watch(
    (ev) => {
      const ns = ev.object.metadata.namespace ?? '';
      for (const svc of services.list(ns)) {
        if (matchesPod(svc, ev.object) || (ev.old && matchesPod(svc, ev.old))) add(`${ns}/${svc.metadata.name}`);
      }
    },
    { resource: 'pods' },
  );
}

function matchesPod(svc: KubeObject, pod: KubeObject): boolean {
  const sel = serviceSelector(svc);
  return sel !== undefined && podMatches(sel, pod);
}
