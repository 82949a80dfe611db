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
  /** InternalIP; default from nodeInternalIP(index). */
  internalIP?: string;
  /** spec.podCIDR; default from nodePodCIDR(index). */
  podCIDR?: string;
  /** Local disk (ephemeral-storage capacity), default "20Gi"-ish (see kubelet/node-object.ts). */
  ephemeralStorage?: string;
}

/**
 * The address plan of a topology (kubeadm nodes on one L2 network, flannel's
 * 10.244.0.0/16 cut into /24s by the node IPAM controller in node order):
 * node i gets 192.168.1.(10+i) … and 10.244.i.0/24. Past 256 nodes the plan
 * continues in 10.245.x.0/24 (unreal, but deterministic and non-overlapping).
 */
export function nodeInternalIP(index: number): string {
  return `192.168.${1 + Math.floor(index / 240)}.${10 + (index % 240)}`;
}

export function nodePodCIDR(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}.0/24`;
}

/** InternalIP of a node of the topology (undefined if not in it). */
export function plannedNodeIP(topology: Topology, name: string): string | undefined {
  const i = topology.nodes.findIndex((n) => n.name === name);
  if (i < 0) return undefined;
  return topology.nodes[i].internalIP ?? nodeInternalIP(i);
}

export interface Topology {
  name: string;
  nodes: NodeSpec[];
  /** Whether to start the kubeadm kube-system pods and add-ons (coredns, kube-proxy, CNI). */
  systemPods: boolean;
  /** Optional add-ons beyond a plain kubeadm cluster, e.g. `['ingress-nginx']`. */
  addons?: string[];
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
