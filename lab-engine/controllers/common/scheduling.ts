import type { KubeObject } from '../../api/types';
import { toleratesTaint, type Taint, type Toleration } from '../../scheduler/plugins/taint-toleration';
import { podMatchesNode } from '../../scheduler/plugins/node-affinity';

/**
 * The scheduling predicates the DaemonSet and node lifecycle controllers share with
 * the scheduler (upstream: k8s.io/api/core/v1 toleration.go and
 * component-helpers/scheduling/corev1/nodeaffinity): one implementation, in the
 * scheduler's plugins.
 */
export { toleratesTaint, type Taint, type Toleration };

export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** nodeSelector plus requiredDuringSchedulingIgnoredDuringExecution of a pod spec. */
export function matchesNodeSelectorAndAffinity(podSpec: KubeObject['spec'], node: KubeObject): boolean {
  return podMatchesNode({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: podSpec }, node);
}
