import type { ClusterContext } from '../sim/context';
import type { UserInfo } from '../api/types';
import { genericStatus, notFound } from '../api/errors';
import { matchesLabelSelector } from '../api/selectors/label-selector';

export const EVICTION_SERVICE = 'eviction';

export interface EvictOptions {
  deleteOptions?: { gracePeriodSeconds?: number; dryRun?: boolean; preconditions?: { uid?: string; resourceVersion?: string } };
  user?: UserInfo;
}

/**
 * The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go):
 * a pod covered by a PodDisruptionBudget is deleted only if the budget allows
 * a disruption, which the eviction then consumes; otherwise 429 with the
 * API server's message. Pods that are not running (pending, finished) and pods
 * no budget covers are deleted at once.
 */
export function createEvictionService(ctx: ClusterContext) {
  return {
    evict(namespace: string, name: string, opts: EvictOptions = {}): void {
      const podDef = ctx.registry.resolve('pods')!;
      const api = ctx.api(opts.user);
      const pod = ctx.store.peek('pods', namespace, name);
      if (!pod) throw notFound(podDef, name);
      const del = { gracePeriodSeconds: opts.deleteOptions?.gracePeriodSeconds, preconditions: opts.deleteOptions?.preconditions, dryRun: !!opts.deleteOptions?.dryRun };
      if (pod.metadata.deletionTimestamp || pod.status?.phase !== 'Running') {
        api.delete(podDef, namespace, name, del);
        return;
      }
      const pdbDef = ctx.registry.resolve('poddisruptionbudgets.policy')!;
      const pdbs = ctx.store.peekList('poddisruptionbudgets.policy', namespace).filter((b) => matchesLabelSelector(b.spec?.selector, pod.metadata.labels));
      if (pdbs.length > 1) throw genericStatus(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
      const pdb = pdbs[0];
      if (pdb) {
        if ((pdb.status?.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1)) {
          throw tooMany(`The disruption budget ${pdb.metadata.name} is still being processed by the server.`);
        }
        if ((pdb.status?.disruptionsAllowed ?? 0) <= 0) {
          throw tooMany(`The disruption budget ${pdb.metadata.name} needs ${pdb.status?.desiredHealthy ?? 0} healthy pods and has ${pdb.status?.currentHealthy ?? 0} currently`);
        }
        if (!del.dryRun) {
          const fresh = ctx.api().get(pdbDef, namespace, pdb.metadata.name!);
          fresh.status = {
            ...fresh.status,
            disruptionsAllowed: fresh.status.disruptionsAllowed - 1,
            disruptedPods: { ...(fresh.status.disruptedPods ?? {}), [name]: ctx.clock.nowRfc3339() },
          };
          ctx.api().updateStatus(fresh);
        }
      }
      api.delete(podDef, namespace, name, del);
    },
  };
}

function tooMany(cause: string) {
  return genericStatus(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
    causes: [{ reason: 'DisruptionBudget', message: cause, field: '' }],
  });
}
