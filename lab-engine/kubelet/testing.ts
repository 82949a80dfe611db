import { createCluster, type Cluster } from '../sim/cluster';
import type { Topology } from '../sim/topology';
import type { KubeObject } from '../api/types';
import type { KubeletService } from './types';

/** Three kubeadm-shaped nodes without the system pods, so tests see only their own pods. */
export const TEST_TOPOLOGY: Topology = {
  name: 'kubelet-test',
  systemPods: false,
  nodes: [
    { name: 'controlplane', controlPlane: true, cpu: '2', memory: '4Gi' },
    { name: 'node01', cpu: '2', memory: '4Gi' },
    { name: 'node02', cpu: '2', memory: '4Gi' },
  ],
};

export function testCluster(topology: Topology = TEST_TOPOLOGY, seed = 7): Cluster {
  const c = createCluster({ seed, topology });
  c.settle();
  return c;
}

export function kubelet(c: Cluster): KubeletService {
  return c.services.get('kubelet') as KubeletService;
}

export function pod(name: string, spec: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...meta }, spec } as KubeObject;
}

export function getPod(c: Cluster, name: string, ns = 'default'): KubeObject {
  const p = c.store.peek('pods', ns, name);
  if (!p) throw new Error(`pod ${ns}/${name} not found`);
  return p;
}

/** Events about one object, oldest first, as `Type Reason Message` lines. */
export function eventsFor(c: Cluster, name: string, ns = 'default'): string[] {
  return c.store
    .peekList('events', ns)
    .filter((e) => e.involvedObject.name === name)
    // Event names end in the creation time in hex nanoseconds: name order is creation order.
    .map((e) => `${e.type} ${e.reason} ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`);
}

export function containerState(p: KubeObject, i = 0): Record<string, unknown> {
  return p.status.containerStatuses[i].state;
}
