import type { KubeObject } from '../api/types';
import type { NodeInfo } from './types';
import { addPod, buildNodeInfo, isTerminalPod, removePod } from './node-info';

/**
 * The scheduler cache (pkg/scheduler/backend/cache): NodeInfo per node, kept
 * up to date from watch events so a scheduling cycle never scans every pod.
 */
export class SchedulerCache {
  readonly nodes = new Map<string, NodeInfo>();
  private podNode = new Map<string, { node: string; pod: KubeObject }>();
  /** Assigned pods carrying required anti-affinity terms (checked against every incoming pod). */
  readonly antiAffinityPods = new Map<string, { pod: KubeObject; node: string }>();
  private sorted: NodeInfo[] | undefined;
  /** Image name → how many cached nodes have it (the cache's imageStates NumNodes, read by ImageLocality). */
  readonly imageNodeCounts = new Map<string, number>();

  upsertNode(node: KubeObject): void {
    const name = node.metadata.name!;
    const existing = this.nodes.get(name);
    if (existing) {
      const fresh = buildNodeInfo(node, []);
      existing.node = node;
      existing.allocatable = fresh.allocatable;
      this.countImages(existing, -1);
      existing.images = fresh.images;
      this.countImages(existing, 1);
      return;
    }
    const pods = [...this.podNode.values()].filter((p) => p.node === name).map((p) => p.pod);
    const info = buildNodeInfo(node, pods);
    this.nodes.set(name, info);
    this.countImages(info, 1);
    this.sorted = undefined;
  }

  removeNode(name: string): void {
    const info = this.nodes.get(name);
    if (info) this.countImages(info, -1);
    this.nodes.delete(name);
    this.sorted = undefined;
  }

  private countImages(info: NodeInfo, delta: 1 | -1): void {
    for (const image of info.images.keys()) {
      const n = (this.imageNodeCounts.get(image) ?? 0) + delta;
      if (n > 0) this.imageNodeCounts.set(image, n);
      else this.imageNodeCounts.delete(image);
    }
  }

  /** Returns true when the pod's assignment changed (added, moved or removed). */
  upsertPod(pod: KubeObject, deleted: boolean): boolean {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const prev = this.podNode.get(key);
    const node = pod.spec?.nodeName as string | undefined;
    const keep = !deleted && !!node && !isTerminalPod(pod);
    if (prev) {
      const info = this.nodes.get(prev.node);
      if (info) removePod(info, prev.pod);
      this.podNode.delete(key);
      this.antiAffinityPods.delete(key);
    }
    if (keep) {
      this.podNode.set(key, { node: node!, pod });
      const info = this.nodes.get(node!);
      if (info) addPod(info, pod);
      if (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length) this.antiAffinityPods.set(key, { pod, node: node! });
    }
    return !!prev !== keep || (prev !== undefined && prev.node !== node);
  }

  /** Nodes in name order (stable iteration). */
  list(): NodeInfo[] {
    if (!this.sorted) this.sorted = [...this.nodes.values()].sort((a, b) => (a.node.metadata.name! < b.node.metadata.name! ? -1 : 1));
    return this.sorted;
  }
}
