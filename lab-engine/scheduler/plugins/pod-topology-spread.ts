import type { KubeObject } from '../../api/types';
import { matchesLabelSelector } from '../../api/selectors/label-selector';
import type { CycleState, NodeInfo, SchedulerPlugin } from '../types';
import { podMatchesNode } from './node-affinity';
import { unresolvable, unschedulable } from './status';

// plugins/podtopologyspread/filtering.go reasons.
export const ERR_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_MISSING_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector?: unknown;
  minDomains?: number;
  nodeAffinityPolicy?: 'Honor' | 'Ignore';
  nodeTaintsPolicy?: 'Honor' | 'Ignore';
  matchLabelKeys?: string[];
}

function selectorFor(c: Constraint, pod: KubeObject): unknown {
  if (!c.matchLabelKeys?.length) return c.labelSelector ?? null;
  const base = (c.labelSelector ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  const extra = c.matchLabelKeys
    .filter((k) => pod.metadata.labels?.[k] !== undefined)
    .map((k) => ({ key: k, operator: 'In', values: [pod.metadata.labels![k]] }));
  return { ...base, matchExpressions: [...(base.matchExpressions ?? []), ...extra] };
}

function countsByDomain(c: Constraint, pod: KubeObject, all: NodeInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  const sel = selectorFor(c, pod);
  for (const n of all) {
    const v = n.node.metadata.labels?.[c.topologyKey];
    if (v === undefined) continue;
    if ((c.nodeAffinityPolicy ?? 'Honor') === 'Honor' && !podMatchesNode(pod, n.node)) continue;
    const matching = n.pods.filter((p) => p.metadata.namespace === pod.metadata.namespace && !p.metadata.deletionTimestamp && matchesLabelSelector(sel as never, p.metadata.labels)).length;
    counts.set(v, (counts.get(v) ?? 0) + matching);
  }
  return counts;
}

export const podTopologySpread: SchedulerPlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preFilter(_pod, state, nodes) {
    state.set('PodTopologySpread/all', nodes);
    return undefined;
  },
  filter(pod, info, state: CycleState) {
    const all = (state.get('PodTopologySpread/all') as NodeInfo[] | undefined) ?? [info];
    for (const c of (pod.spec?.topologySpreadConstraints ?? []) as Constraint[]) {
      if (c.whenUnsatisfiable !== 'DoNotSchedule') continue;
      const value = info.node.metadata.labels?.[c.topologyKey];
      if (value === undefined) return unresolvable(ERR_MISSING_LABEL);
      const counts = countsByDomain(c, pod, all);
      let min = Infinity;
      for (const v of counts.values()) min = Math.min(min, v);
      if ((c.minDomains ?? 1) > counts.size) min = 0;
      const self = matchesLabelSelector(selectorFor(c, pod) as never, pod.metadata.labels) ? 1 : 0;
      if ((counts.get(value) ?? 0) + self - (min === Infinity ? 0 : min) > c.maxSkew) return unschedulable(ERR_CONSTRAINTS_NOT_MATCH);
    }
    return undefined;
  },
  // Scoring: explicit ScheduleAnyway constraints, or the system default (spread a controller's pods over hostnames).
  score(pod, info) {
    const owner = pod.metadata.ownerReferences?.find((o: { controller?: boolean }) => o.controller)?.uid;
    if (!owner) return 0;
    if (info.ownerCounts) return info.ownerCounts.get(owner) ?? 0;
    return info.pods.filter((p) => p.metadata.ownerReferences?.some((o: { uid: string }) => o.uid === owner)).length;
  },
  normalizeScores(scores) {
    let max = 0;
    for (const v of scores) max = Math.max(max, v);
    for (let i = 0; i < scores.length; i++) scores[i] = max === 0 ? 100 : Math.floor((100 * (max - scores[i])) / max);
  },
};
