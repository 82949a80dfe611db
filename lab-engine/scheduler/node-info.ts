import type { KubeObject } from '../api/types';
import type { NodeInfo } from './types';
import { cachedPodRequests as podRequests, toResourceList } from './resources';

export function isTerminalPod(pod: KubeObject): boolean {
  const p = pod.status?.phase;
  return p === 'Succeeded' || p === 'Failed';
}

/** framework.NodeInfo for one node and the (non-terminal) pods bound to it. */
export function buildNodeInfo(node: KubeObject, pods: KubeObject[]): NodeInfo {
  const info: NodeInfo = {
    node,
    pods: [],
    requested: { pods: 0 },
    allocatable: toResourceList(node.status?.allocatable),
    usedPorts: new Set(),
    images: new Map(),
    ownerCounts: new Map(),
  };
  for (const img of node.status?.images ?? []) for (const n of img.names ?? []) info.images.set(n, img.sizeBytes ?? 0);
  for (const p of pods) addPod(info, p);
  return info;
}

export function addPod(info: NodeInfo, pod: KubeObject): void {
  info.pods.push(pod);
  if (info.ownerCounts) countOwners(info.ownerCounts, pod, 1);
  const r = podRequests(pod);
  for (const [k, v] of Object.entries(r)) info.requested[k] = (info.requested[k] ?? 0) + v;
  info.requested.pods = (info.requested.pods ?? 0) + 1;
  for (const port of hostPorts(pod)) info.usedPorts.add(port);
}

export function removePod(info: NodeInfo, pod: KubeObject): void {
  const i = info.pods.findIndex((p) => p.metadata.uid === pod.metadata.uid);
  if (i < 0) return;
  if (info.ownerCounts) countOwners(info.ownerCounts, info.pods[i], -1);
  info.pods.splice(i, 1);
  const r = podRequests(pod);
  for (const [k, v] of Object.entries(r)) info.requested[k] = (info.requested[k] ?? 0) - v;
  info.requested.pods -= 1;
  // usedPorts is the union over the node's pods: a pod without host ports leaves it as it was.
  if (hostPorts(pod).length === 0) return;
  info.usedPorts.clear();
  for (const p of info.pods) for (const port of hostPorts(p)) info.usedPorts.add(port);
}

/** Host ports a pod asks for, as `PROTO/IP/port` (NodePorts plugin's key). */
export function hostPorts(pod: KubeObject): string[] {
  const out: string[] = [];
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      out.push(`${p.protocol ?? 'TCP'}/${p.hostIP || '0.0.0.0'}/${p.hostPort}`);
    }
  }
  return out;
}

export function cloneNodeInfo(info: NodeInfo): NodeInfo {
  const out: NodeInfo = { ...info, pods: [...info.pods], requested: { ...info.requested }, usedPorts: new Set(info.usedPorts) };
  if (info.ownerCounts) out.ownerCounts = new Map(info.ownerCounts);
  return out;
}

/** Each distinct owner uid of the pod counts once (what `ownerReferences.some(o => o.uid === u)` counts). */
function countOwners(counts: Map<string, number>, pod: KubeObject, delta: number): void {
  const refs: { uid?: string }[] = pod.metadata.ownerReferences ?? [];
  const seen = new Set<string>();
  for (const o of refs) {
    if (typeof o?.uid !== 'string' || seen.has(o.uid)) continue;
    seen.add(o.uid);
    const n = (counts.get(o.uid) ?? 0) + delta;
    if (n === 0) counts.delete(o.uid);
    else counts.set(o.uid, n);
  }
}
