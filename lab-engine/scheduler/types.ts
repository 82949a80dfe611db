import type { KubeObject } from '../api/types';

/**
 * Scheduler framework contracts (pkg/scheduler/framework/interface.go, cut
 * down). Plugins are run in the default profile's order; other engineers add
 * plugins through `registerSchedulerPlugin(ctx, plugin)` (scheduler/extension.ts),
 * e.g. the storage engineer's VolumeBinding.
 */

/** framework.Code: Unschedulable lets preemption try; UnschedulableAndUnresolvable does not. */
export type StatusCode = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Error';

export interface PluginStatus {
  code: StatusCode;
  /** Reason strings as the plugin writes them (`Insufficient cpu`, `node(s) had untolerated taint {k: v}`). */
  reasons: string[];
  /** Plugin that produced the status (set by the framework). */
  plugin?: string;
}

/** What the scheduler knows about one node (framework.NodeInfo). */
export interface NodeInfo {
  node: KubeObject;
  /** Pods bound or assumed on the node (not terminal), in a stable order. */
  pods: KubeObject[];
  /** Summed requests of those pods: cpu in millicores, memory/ephemeral-storage in bytes, others in units. */
  requested: Record<string, number>;
  /** status.allocatable parsed the same way. */
  allocatable: Record<string, number>;
  /** host ports in use: `TCP/0.0.0.0/80`. */
  usedPorts: Set<string>;
  /** Images present on the node (status.images names) → size bytes. */
  images: Map<string, number>;
  /** Owner uid → how many of `pods` name it in ownerReferences (kept by addPod/removePod; spreading scores read it). */
  ownerCounts?: Map<string, number>;
}

/** Per scheduling cycle scratch space (framework.CycleState). */
export type CycleState = Map<string, unknown>;

export interface SchedulerPlugin {
  /** The upstream plugin name (`VolumeBinding`, `NodeResourcesFit`): replaces a built-in of the same name. */
  readonly name: string;
  /**
   * PreFilter: once per cycle. Returning a non-success status fails the pod on
   * every node with that message (`persistentvolumeclaim "x" not found`).
   */
  preFilter?(pod: KubeObject, state: CycleState, nodes: NodeInfo[]): PluginStatus | undefined;
  /** Filter: undefined / Success = fits. */
  filter?(pod: KubeObject, node: NodeInfo, state: CycleState): PluginStatus | undefined;
  /** Score 0..100 (after normalisation); multiplied by `weight`. */
  score?(pod: KubeObject, node: NodeInfo, state: CycleState, all: NodeInfo[]): number;
  /** Optional normalisation, in place, of the feasible nodes' raw scores (NormalizeScore; in feasible-node order). */
  normalizeScores?(scores: number[], pod: KubeObject, state: CycleState): void;
  weight?: number;
  /**
   * Reserve/PreBind: called on the chosen node before binding (VolumeBinding
   * binds PVCs here). Return a status to abort the binding and retry later.
   */
  preBind?(pod: KubeObject, nodeName: string, state: CycleState): PluginStatus | undefined;
}

/** What installScheduler registers as `ctx.services.get('scheduler')`. */
export interface SchedulerService {
  /** Adds or replaces (by name) a plugin. Filters run in the default profile's order; new names run last. */
  addPlugin(plugin: SchedulerPlugin): void;
  /**
   * Moves every unschedulable pod back to the active queue (MoveAllToActiveOrBackoffQueue):
   * call when something a plugin depends on changed (a PVC bound, a PV created).
   */
  requeueAll(reason: string): void;
  /** Pending pods the scheduler has given up on for now, with the last FailedScheduling message. */
  unschedulable(): { namespace: string; name: string; message: string }[];
}

export const SCHEDULER_SERVICE = 'scheduler';
