import type { Cluster } from '../sim/cluster';
import { Shell } from '../shell/shell';
import { VirtualFs } from '../shell/vfs';
import { NODE_DIRS, nodeFiles, type NodeFiles, type NodeFilesOptions } from '../shell/node-files';
import { kubectlCommand } from '../shell/commands/kubectl';
import { defaultKubeconfig } from '../shell/kubeconfig';
import { networkCommands } from '../shell/commands/network';
import { nodeCommands } from '../shell/commands/node-tools';
import { sshCommand } from '../shell/commands/ssh';
import { jobCommands } from '../shell/commands/jobs';
import { opensslCommand } from '../shell/commands/openssl';
import { etcdctlCommand, etcdRestoreWatcher } from '../shell/commands/etcdctl';
import { kubeadmCommand } from '../shell/commands/kubeadm';
import type { KubeletService } from '../kubelet/types';
import { KUBELET_SERVICE, NETWORK_SERVICE, type NetworkService } from '../network/service';
import type { Session } from './session';
import { sessionHooks } from './hooks';
import { clusterPkiOf } from '../controllers/certificates';
import { nodeFilesystems } from '../kubelet/node-fs';

/** What the session's shells share. */
export interface SessionEnvironment {
  session: Session;
  cluster: Cluster;
  /** One shell per node, created on first ssh; `controlplane` is the learner's. */
  nodeShells: Map<string, Shell>;
  /** `kubectl port-forward`: local port → pod port. */
  portForwards: Map<number, { namespace: string; pod: string; remotePort: number; address: string }>;
}

/** Fallback addresses when the network service does not know a node (kubeadm-style 192.168.x). */
function nodeIP(cluster: Cluster, node: string): string {
  const net = cluster.services.get(NETWORK_SERVICE) as NetworkService | undefined;
  const known = net?.nodeIP(node);
  if (known) return known;
  const i = Math.max(0, cluster.topology.nodes.findIndex((n) => n.name === node));
  return `192.168.1.${i + 2}`;
}

export function kubeletService(cluster: Cluster): KubeletService | undefined {
  return cluster.services.get(KUBELET_SERVICE) as KubeletService | undefined;
}

const layoutCache = new Map<string, NodeFiles>();
const MAX_CACHED_LAYOUTS = 64;
const KEYED_OPTIONS = new Set(['hostname', 'nodeIP', 'controlPlane', 'controlPlaneIP', 'manifests', 'rng', 'pki']);

/**
 * nodeFiles is a pure function of its options (the rng, fresh from derive(),
 * is identified by seed and stream name), and every session builds the
 * control plane's files (~6 ms with the static pod YAML): the layout is
 * computed once per distinct options. Callers get their own kubeconfig
 * object; the file texts are immutable strings.
 */
function memoNodeFiles(o: NodeFilesOptions): NodeFiles {
  // An option this key does not know about (added to NodeFilesOptions later) turns the memo off.
  if (Object.keys(o).some((k) => !KEYED_OPTIONS.has(k))) return nodeFiles(o);
  const key = JSON.stringify([o.hostname, o.nodeIP, o.controlPlane, o.controlPlaneIP, o.manifests ?? null, o.rng.seed, o.rng.stream, o.pki?.inputs ?? null]);
  let layout = layoutCache.get(key);
  if (layout === undefined) {
    layout = nodeFiles(o);
    if (layoutCache.size >= MAX_CACHED_LAYOUTS) layoutCache.delete(layoutCache.keys().next().value!);
    layoutCache.set(key, layout);
  }
  return { files: { ...layout.files }, ...(layout.kubeconfig ? { kubeconfig: structuredClone(layout.kubeconfig) } : {}) };
}

/** The shell of a node (the learner's on the control plane; ssh targets otherwise), created once. */
export function buildNodeShell(env: SessionEnvironment, node: string): Shell {
  const existing = env.nodeShells.get(node);
  if (existing) return existing;
  const { cluster } = env;
  const spec = cluster.topology.nodes.find((n) => n.name === node);
  const controlPlaneName = cluster.topology.nodes.find((n) => n.controlPlane)?.name ?? 'controlplane';
  const isControlPlane = spec ? !!spec.controlPlane : node === 'controlplane';
  let manifests: { path: string; content: string }[] | undefined;
  try {
    manifests = kubeletService(cluster)?.staticPodManifests(node);
  } catch {
    manifests = undefined;
  }
  const rng = cluster.rng.derive(`shell/${node}`);
  const layout = memoNodeFiles({
    hostname: node,
    nodeIP: nodeIP(cluster, node),
    controlPlane: isControlPlane,
    controlPlaneIP: nodeIP(cluster, controlPlaneName),
    manifests,
    rng: rng.derive('files'),
    pki: clusterPkiOf(cluster.services),
  });
  // One filesystem per node (kubelet/node-fs.ts): the shell's is the one hostPath volumes use. A node
  // whose kubelet mounted a hostPath before this shell existed already has one: it gets the layout.
  const filesystems = nodeFilesystems(cluster.services, () => cluster.clock.nowMs());
  filesystems.setFactory((n) => buildNodeShell(env, n).fs);
  let fs = filesystems.peek(node);
  if (fs) fs.seed(layout.files);
  else fs = new VirtualFs(layout.files);
  filesystems.set(node, fs);
  for (const d of NODE_DIRS) if (!fs.isDirectorySync(d)) fs.mkdirSync(d, { recursive: true });
  fs.stampNewEntries(cluster.clock.nowMs());
  const fallback = layout.kubeconfig ?? defaultKubeconfig(`https://${nodeIP(cluster, controlPlaneName)}:6443`, '', '', '');
  let watchEtcdManifest: (() => void) | undefined;
  const shell: Shell = new Shell({
    hostname: node,
    home: '/root',
    fs,
    rng: rng.derive('random'),
    startMs: cluster.clock.nowMs(),
    clock: () => cluster.clock.nowMs(),
    aliases: isControlPlane ? { k: 'kubectl' } : {},
    commands: [],
    afterLine: () => watchEtcdManifest?.(),
  });
  if (isControlPlane) watchEtcdManifest = etcdRestoreWatcher(shell, cluster);
  const binding = { cluster, hooks: sessionHooks(env, shell), fallbackKubeconfig: fallback, afterCommand: () => cluster.step() };
  shell.registerCommand(kubectlCommand(shell, binding), true);
  for (const c of [
    ...networkCommands(shell, env, { node }),
    ...nodeCommands(shell, env, node),
    sshCommand(shell, env),
    ...jobCommands(shell, env),
    opensslCommand(shell, cluster.rng.derive(`openssl/${node}`)),
    ...(isControlPlane ? [etcdctlCommand(shell, cluster, 'etcdctl'), etcdctlCommand(shell, cluster, 'etcdutl')] : []),
    kubeadmCommand(shell, cluster, cluster.rng.derive(`kubeadm/${node}`)),
  ]) {
    shell.registerCommand(c);
  }
  env.nodeShells.set(node, shell);
  return shell;
}
