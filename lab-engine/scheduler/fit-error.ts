import type { PluginStatus } from './types';

/**
 * framework.FitError.Error() (pkg/scheduler/framework/types.go, v1.32):
 * `0/N nodes are available: <prefilter msg>.` or a sorted histogram of the
 * filter reasons (`1 node(s) had untolerated taint {…}, 2 Insufficient cpu.`),
 * then the PostFilter (preemption) message.
 */
export function fitErrorMessage(numAllNodes: number, preFilterMsg: string, statuses: Map<string, PluginStatus>, postFilterMsg: string): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (preFilterMsg) msg += ` ${preFilterMsg}.`;
  else {
    const hist = histogram(statuses);
    if (hist) msg += ` ${hist}.`;
  }
  // The PostFilter (preemption) message already ends with its own FitError's period: real events
  // read `… 2 Insufficient cpu. preemption: 0/3 nodes are available: … for incoming pod.`
  if (postFilterMsg) msg += postFilterMsg.endsWith('.') ? ` ${postFilterMsg}` : ` ${postFilterMsg}.`;
  return msg;
}

/** `N reason` strings, sorted as Go's sort.Strings (byte order), joined by ", ". */
export function histogram(statuses: Map<string, PluginStatus>): string {
  const counts = new Map<string, number>();
  for (const s of statuses.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`);
  parts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return parts.join(', ');
}

// ErrNoNodesAvailable (schedule_one.go).
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';
