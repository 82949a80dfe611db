import type { KubeObject } from '../../api/types';
import { cloneJson } from '../../api/clone';
import { matchesNodeSelectorAndAffinity, tolerates, type Taint, type Toleration } from '../common/scheduling';
import { REVISION_HASH } from '../common/history';

/**
 * util.AddOrUpdateDaemonPodTolerations (pkg/controller/daemon/util): the
 * tolerations every DaemonSet pod gets, in upstream order.
 */
export function daemonTolerations(spec: KubeObject['spec']): Toleration[] {
  const add: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec?.hostNetwork) add.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const out: Toleration[] = cloneJson(spec?.tolerations ?? []);
  for (const t of add) {
    // v1helper.AddOrUpdateTolerationInPodSpec: an equal toleration is kept, one with the same key/effect/operator replaced.
    const i = out.findIndex((o) => o.key === t.key && o.effect === t.effect && (o.operator ?? 'Equal') === t.operator);
    if (i < 0) out.push(t);
    else out[i] = t;
  }
  return out;
}

/** util.ReplaceDaemonSetPodNodeNameNodeAffinity: pin the pod to one node with matchFields metadata.name. */
export function nodeNameAffinity(affinity: KubeObject['spec'], nodeName: string): KubeObject['spec'] {
  const a = cloneJson(affinity ?? {});
  const req = { key: 'metadata.name', operator: 'In', values: [nodeName] };
  const na = (a.nodeAffinity ??= {});
  const sel = na.requiredDuringSchedulingIgnoredDuringExecution;
  if (!sel?.nodeSelectorTerms?.length) {
    na.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [{ matchFields: [req] }] };
    return a;
  }
  for (const term of sel.nodeSelectorTerms) {
    term.matchFields = [...(term.matchFields ?? []).filter((f: { key: string }) => f.key !== 'metadata.name'), req];
  }
  return a;
}

/** The pod the DaemonSet wants on a node (CreatePodTemplate + the node affinity). */
export function daemonPod(ds: KubeObject, nodeName: string, hash: string, ownerRef: unknown): KubeObject {
  const t = ds.spec.template;
  const labels = { ...(t.metadata?.labels ?? {}), [REVISION_HASH]: hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) };
  const spec = cloneJson(t.spec ?? {});
  spec.tolerations = daemonTolerations(t.spec);
  spec.affinity = nodeNameAffinity(t.spec?.affinity, nodeName);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels,
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ownerReferences: [ownerRef as never],
    },
    spec,
  };
}

/**
 * NodeShouldRunDaemonPod (daemon_controller.go): the node name, selector and
 * required affinity fit, and every NoSchedule/NoExecute taint is tolerated;
 * a running pod may stay unless a NoExecute taint is not tolerated.
 */
export function nodeShouldRunDaemonPod(ds: KubeObject, node: KubeObject): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = ds.spec?.template?.spec ?? {};
  if ((spec.nodeName && spec.nodeName !== node.metadata.name) || !matchesNodeSelectorAndAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tol = daemonTolerations(spec);
  const taints: Taint[] = node.spec?.taints ?? [];
  const untolerated = taints.filter((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(tol, t));
  return { shouldRun: untolerated.length === 0, shouldContinueRunning: !untolerated.some((t) => t.effect === 'NoExecute') };
}

/** util.GetTargetNodeName: spec.nodeName, or the node named by the affinity of a pod not yet bound. */
export function targetNodeName(pod: KubeObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}
