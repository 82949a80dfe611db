/**
 * The default profile's plugin order (pkg/scheduler/apis/config/v1/default_plugins.go,
 * v1.32). Filters run in this order and a node stops at its first failing
 * filter, which is why FailedScheduling lists one reason group per node.
 */
export const DEFAULT_PLUGIN_ORDER = [
  'NodeUnschedulable',
  'NodeName',
  'TaintToleration',
  'NodeAffinity',
  'NodePorts',
  'NodeResourcesFit',
  'VolumeRestrictions',
  'NodeVolumeLimits',
  'VolumeBinding',
  'VolumeZone',
  'PodTopologySpread',
  'InterPodAffinity',
  'NodeResourcesBalancedAllocation',
  'ImageLocality',
];

/** numFeasibleNodesToFind with percentageOfNodesToScore unset (adaptive: 50% − nodes/125, ≥ 5%, ≥ 100 nodes). */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < 100) return numAllNodes;
  const pct = Math.max(5, 50 - Math.floor(numAllNodes / 125));
  return Math.max(100, Math.floor((numAllNodes * pct) / 100));
}
