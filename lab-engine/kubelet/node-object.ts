import type { KubeObject } from '../api/types';
import type { NodeSpec } from '../sim/topology';
import { nodeInternalIP, nodePodCIDR } from '../sim/topology';
import { quantityValue } from '../api/quantity';
import { sha } from './images/catalogue';

export const KUBELET_VERSION = 'v1.32.4';
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.24';
export const OS_IMAGE = 'Ubuntu 22.04.5 LTS';
export const KERNEL_VERSION = '6.8.0-1015-gcp';

/** Default local disk: 19.2 GiB root filesystem, as on a Killercoda/kubeadm VM. */
const DEFAULT_EPHEMERAL_KI = 20_134_592;
/** kubelet evictionHard defaults: memory.available<100Mi, nodefs.available<10%. */
const EVICTION_MEMORY_KI = 102_400;

export interface NodePlan {
  spec: NodeSpec;
  index: number;
  internalIP: string;
  podCIDR: string;
  cpus: number;
}

export function planNode(spec: NodeSpec, index: number): NodePlan {
  return {
    spec,
    index,
    internalIP: spec.internalIP ?? nodeInternalIP(index),
    podCIDR: spec.podCIDR ?? nodePodCIDR(index),
    cpus: Math.max(1, Math.round(quantityValue(spec.cpu ?? '2'))),
  };
}

function hexId(seed: string): string {
  return sha(seed).slice(0, 32);
}

function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** capacity / allocatable as the kubelet computes them (cm.GetNodeAllocatableReservation). */
export function nodeResources(spec: NodeSpec): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const memKi = Math.floor((quantityValue(spec.memory ?? '4Gi') / 1024) * 0.97);
  const diskKi = spec.ephemeralStorage ? Math.floor(quantityValue(spec.ephemeralStorage) / 1024) : DEFAULT_EPHEMERAL_KI;
  const capacity: Record<string, string> = {
    cpu: spec.cpu ?? '2',
    'ephemeral-storage': `${diskKi}Ki`,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${memKi}Ki`,
    pods: String(spec.pods ?? 110),
    ...spec.extendedResources,
  };
  const allocatable: Record<string, string> = {
    ...capacity,
    'ephemeral-storage': String(Math.floor(diskKi * 1024 * 0.9)),
    memory: `${memKi - EVICTION_MEMORY_KI}Ki`,
  };
  return { capacity: sortKeys(capacity), allocatable: sortKeys(allocatable) };
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function nodeLabels(spec: NodeSpec): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
  };
  if (spec.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return { ...labels, ...spec.labels };
}

/** The kubeadm control-plane taint unless the topology overrides taints. */
export function nodeTaints(spec: NodeSpec): { key: string; value?: string; effect: string }[] | undefined {
  const taints = spec.taints ?? (spec.controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] : []);
  return taints.length ? taints.map((t) => ({ ...t })) : undefined;
}

const CONDITIONS: [string, string, string][] = [
  ['MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
];

export function nodeConditions(now: string, readySince: string, ready: boolean): Record<string, string>[] {
  const out: Record<string, string>[] = CONDITIONS.map(([type, reason, message]) => ({ lastHeartbeatTime: now, lastTransitionTime: readySince, message, reason, status: 'False', type }));
  out.push(
    ready
      ? { lastHeartbeatTime: now, lastTransitionTime: readySince, message: 'kubelet is posting ready status', reason: 'KubeletReady', status: 'True', type: 'Ready' }
      : { lastHeartbeatTime: now, lastTransitionTime: readySince, message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized', reason: 'KubeletNotReady', status: 'False', type: 'Ready' },
  );
  return out;
}

/** The Node object a kubeadm v1.32 node's kubelet registers (labels, taints, status). */
export function buildNode(plan: NodePlan, now: string, images: { names: string[]; sizeBytes: number }[]): KubeObject {
  const { spec } = plan;
  const machine = hexId(`machine/${spec.name}`);
  const { capacity, allocatable } = nodeResources(spec);
  const taints = nodeTaints(spec);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: nodeLabels(spec),
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: plan.podCIDR, podCIDRs: [plan.podCIDR], ...(taints ? { taints } : {}) },
    status: {
      addresses: [
        { address: plan.internalIP, type: 'InternalIP' },
        { address: spec.name, type: 'Hostname' },
      ],
      allocatable,
      capacity,
      conditions: nodeConditions(now, now, true),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images,
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidFrom(hexId(`boot/${spec.name}`)),
        containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
        kernelVersion: KERNEL_VERSION,
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: machine,
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
        systemUUID: uuidFrom(hexId(`uuid/${spec.name}`)),
      },
    },
  };
}
