/** A starting cluster shape. Labs name one (`cluster: default`). */
export interface NodeSpec {
  name: string;
  controlPlane?: boolean;
  cpu?: string; // capacity, e.g. "2"
  memory?: string; // e.g. "4Gi"
  pods?: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  extendedResources?: Record<string, string>; // e.g. { "nvidia.com/gpu": "1" }
}

export interface Topology {
  name: string;
  nodes: NodeSpec[];
  /** Whether to start the kubeadm kube-system pods and add-ons (coredns, kube-proxy, CNI). */
  systemPods: boolean;
}

const controlplane: NodeSpec = { name: 'controlplane', controlPlane: true, cpu: '2', memory: '4Gi' };

export const TOPOLOGIES: Record<string, Topology> = {
  default: {
    name: 'default',
    systemPods: true,
    nodes: [controlplane, { name: 'node01', cpu: '2', memory: '4Gi' }, { name: 'node02', cpu: '2', memory: '4Gi' }],
  },
  'single-node': { name: 'single-node', systemPods: true, nodes: [{ ...controlplane, taints: [] }] },
  gpu: {
    name: 'gpu',
    systemPods: true,
    nodes: [
      controlplane,
      { name: 'node01', cpu: '2', memory: '4Gi' },
      { name: 'gpu01', cpu: '8', memory: '32Gi', labels: { accelerator: 'nvidia-tesla-t4' }, extendedResources: { 'nvidia.com/gpu': '1' } },
    ],
  },
  large: {
    name: 'large',
    systemPods: true,
    nodes: [controlplane, ...Array.from({ length: 6 }, (_, i) => ({ name: `node0${i + 1}`, cpu: '4', memory: '8Gi' }))],
  },
  bare: { name: 'bare', systemPods: false, nodes: [] },
};

export function resolveTopology(t: string | Topology): Topology {
  if (typeof t !== 'string') return t;
  const found = TOPOLOGIES[t];
  if (!found) throw new Error(`unknown topology "${t}" (known: ${Object.keys(TOPOLOGIES).join(', ')})`);
  return found;
}
