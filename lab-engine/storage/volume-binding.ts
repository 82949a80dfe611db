import type { KubeObject } from '../api/types';
import type { SchedulerPlugin } from '../scheduler/types';
import { unresolvable } from '../scheduler/plugins/status';
import { volumeBinding } from '../scheduler/plugins/volume-binding';
import type { PvController } from './pv-controller';

type Peek = (resource: string, namespace: string, name: string) => KubeObject | undefined;

/**
 * VolumeBinding (pkg/scheduler/framework/plugins/volumebinding) with storage
 * behind it: the scheduler's PreFilter for missing/unbound claims, a Filter
 * for bound volumes pinned to a node (`node(s) had volume node affinity
 * conflict`), and a PreBind that binds WaitForFirstConsumer claims — provisioning
 * their volume on the chosen node — before the pod is bound.
 */
export function storageVolumeBinding(peek: Peek, controller: PvController): SchedulerPlugin {
  const base = volumeBinding(peek);
  const claimsOf = (pod: KubeObject) =>
    ((pod.spec?.volumes ?? []) as { persistentVolumeClaim?: { claimName: string } }[])
      .filter((v) => v.persistentVolumeClaim)
      .map((v) => peek('persistentvolumeclaims', pod.metadata.namespace ?? '', v.persistentVolumeClaim!.claimName))
      .filter((c): c is KubeObject => !!c);
  return {
    ...base,
    filter(pod, node) {
      for (const claim of claimsOf(pod)) {
        const pv = claim.spec?.volumeName ? peek('persistentvolumes', '', claim.spec.volumeName) : undefined;
        const terms = pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms as { matchExpressions?: { key: string; operator: string; values?: string[] }[] }[] | undefined;
        if (terms && !terms.some((t) => (t.matchExpressions ?? []).every((e) => e.operator !== 'In' || (e.values ?? []).includes(node.node.metadata.labels?.[e.key] ?? '')))) {
          return unresolvable('node(s) had volume node affinity conflict');
        }
      }
      return undefined;
    },
    preBind(pod, nodeName) {
      for (const claim of claimsOf(pod)) {
        if (claim.spec?.volumeName) continue;
        const problem = controller.bindForNode(claim, nodeName);
        if (problem) return unresolvable(problem);
      }
      return undefined;
    },
  };
}
