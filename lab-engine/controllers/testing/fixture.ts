import { createCluster, type Cluster } from '../../sim/cluster';
import type { KubeObject } from '../../api/types';
import { R } from '../common/kinds';

/** A bare cluster (no nodes, no add-ons) for controller fixtures. */
export function bareCluster(seed = 1): Cluster {
  return createCluster({ seed, topology: 'bare' });
}

/**
 * Records every write the store commits, as `VERB resource ns/name`, for
 * fixture tests ("seed objects → one reconcile → compare the ordered writes").
 * Events are summarised as `EVENT <reason> <message>`.
 */
export function recordWrites(c: Cluster): { writes: string[]; objects: KubeObject[]; stop: () => void } {
  const writes: string[] = [];
  const objects: KubeObject[] = [];
  const stop = c.store.watch((e) => {
    const o = e.object;
    const res = (e as unknown as { resource: string }).resource;
    objects.push(o);
    if (res === 'events') {
      if (e.type === 'ADDED' || e.type === 'MODIFIED') writes.push(`EVENT ${o.reason} ${o.message}`);
      return;
    }
    const verb = e.type === 'ADDED' ? 'create' : e.type === 'DELETED' ? 'remove' : e.old?.metadata.deletionTimestamp === undefined && o.metadata.deletionTimestamp ? 'delete' : 'update';
    writes.push(`${verb} ${res} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`);
  });
  return { writes, objects, stop };
}

/** Marks a pod bound, Running and Ready at the cluster's current time (what the scheduler + kubelet will do). */
export function runPod(c: Cluster, pod: KubeObject, nodeName = 'node01'): KubeObject {
  const api = c.api();
  let p = c.store.peek(R.pods, pod.metadata.namespace!, pod.metadata.name!)!;
  if (!p.spec.nodeName) p = api.update({ ...p, spec: { ...p.spec, nodeName } });
  const now = c.clock.nowRfc3339();
  return api.updateStatus({
    ...p,
    status: {
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True', lastTransitionTime: now },
        { type: 'Ready', status: 'True', lastTransitionTime: now },
        { type: 'ContainersReady', status: 'True', lastTransitionTime: now },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
      ],
      startTime: now,
    },
  });
}

/** Runs every pod (unbound/not ready) in the cluster, then settles. Stand-in for scheduler + kubelet in tests. */
export function runAllPods(c: Cluster, maxRounds = 50): void {
  for (let i = 0; i < maxRounds; i++) {
    c.step();
    const pending = c.store.peekList(R.pods).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Running' && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    if (!pending.length) return;
    for (const p of pending) runPod(c, p);
  }
}

export const podTemplate = (labels: Record<string, string>, image = 'nginx:1.27') => ({
  metadata: { labels },
  spec: { containers: [{ name: 'c', image }] },
});

/** Ends a pod with a phase (what the kubelet does when its containers exit). */
export function finishPod(c: Cluster, pod: KubeObject, phase: 'Succeeded' | 'Failed'): KubeObject {
  const p = c.store.peek(R.pods, pod.metadata.namespace!, pod.metadata.name!)!;
  const bound = p.spec.nodeName ? p : c.api().update({ ...p, spec: { ...p.spec, nodeName: 'node01' } });
  const now = c.clock.nowRfc3339();
  return c.api().updateStatus({
    ...bound,
    status: { phase, conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: now, reason: 'PodCompleted' }], startTime: now },
  });
}

/** Names of live pods in a namespace. */
export function podNames(c: Cluster, ns = 'default'): string[] {
  return c.store.peekList(R.pods, ns).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name!);
}

/** Creates Node objects the way the kubelet registers them (minimal: name, labels, taints, Ready). */
export function addNodes(c: Cluster, nodes: { name: string; taints?: unknown[]; labels?: Record<string, string> }[]): void {
  const now = c.clock.nowRfc3339();
  for (const n of nodes) {
    const node = c.api().create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, ...(n.labels ?? {}) } },
      spec: n.taints ? { taints: n.taints } : {},
    });
    c.api().updateStatus({ ...node, status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletReady', message: 'kubelet is posting ready status' }] } });
  }
}

export const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

/** Runs every DaemonSet-style pod on the node its affinity names. */
export function runPodsOnTargetNodes(c: Cluster, ns = 'default'): void {
  for (let i = 0; i < 20; i++) {
    c.step();
    const pending = c.store.peekList(R.pods, ns).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Running');
    if (!pending.length) return;
    for (const p of pending) {
      const target = p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0];
      runPod(c, p, target ?? 'node01');
    }
  }
}
