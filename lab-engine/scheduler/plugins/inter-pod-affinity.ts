import type { KubeObject } from '../../api/types';
import { matchesLabelSelector } from '../../api/selectors/label-selector';
import type { CycleState, NodeInfo, SchedulerPlugin } from '../types';
import { unresolvable, unschedulable } from './status';

// plugins/interpodaffinity/filtering.go reasons.
export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

interface Term {
  labelSelector?: unknown;
  namespaces?: string[];
  namespaceSelector?: unknown;
  topologyKey: string;
}

type NamespaceLabels = (ns: string) => Record<string, string> | undefined;

/** AffinityTerm.Matches: namespace (list, selector or the pod's own) and label selector. */
export function termMatches(term: Term, owner: KubeObject, candidate: KubeObject, nsLabels: NamespaceLabels): boolean {
  const ns = candidate.metadata.namespace ?? '';
  const inList = term.namespaces?.includes(ns) ?? false;
  const bySelector = term.namespaceSelector !== undefined && matchesLabelSelector(term.namespaceSelector as never, nsLabels(ns));
  const own = !term.namespaces?.length && term.namespaceSelector === undefined && ns === owner.metadata.namespace;
  if (!inList && !bySelector && !own) return false;
  return matchesLabelSelector((term.labelSelector ?? null) as never, candidate.metadata.labels);
}

function topo(node: KubeObject, key: string): string | undefined {
  return node.metadata.labels?.[key];
}

function required(pod: KubeObject, kind: 'podAffinity' | 'podAntiAffinity'): Term[] {
  return pod.spec?.affinity?.[kind]?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
}

/** Does some pod matching term run in the same topology domain as `node`? */
function domainHasMatch(term: Term, pod: KubeObject, node: KubeObject, all: NodeInfo[], nsLabels: NamespaceLabels): boolean {
  const value = topo(node, term.topologyKey);
  if (value === undefined) return false;
  return all.some((n) => topo(n.node, term.topologyKey) === value && n.pods.some((p) => termMatches(term, pod, p, nsLabels)));
}

export function interPodAffinity(nsLabels: NamespaceLabels): SchedulerPlugin {
  return {
    name: 'InterPodAffinity',
    weight: 2,
    preFilter(_pod, state, nodes) {
      state.set('InterPodAffinity/all', nodes);
      return undefined;
    },
    filter(pod, info, state: CycleState) {
      const all = (state.get('InterPodAffinity/all') as NodeInfo[] | undefined) ?? [info];
      const affinity = required(pod, 'podAffinity');
      if (affinity.length) {
        const ok = affinity.every((t) => domainHasMatch(t, pod, info.node, all, nsLabels));
        // The first pod of a group may land anywhere if it matches its own terms and nothing else does.
        const noneAnywhere = affinity.every((t) => !all.some((n) => n.pods.some((p) => termMatches(t, pod, p, nsLabels))));
        const selfMatch = affinity.every((t) => termMatches(t, pod, pod, nsLabels) && topo(info.node, t.topologyKey) !== undefined);
        if (!ok && !(noneAnywhere && selfMatch)) return unresolvable(ERR_AFFINITY);
      }
      if (required(pod, 'podAntiAffinity').some((t) => domainHasMatch(t, pod, info.node, all, nsLabels))) return unschedulable(ERR_ANTI_AFFINITY);
      // The scheduler cache hands over only the assigned pods that carry required anti-affinity.
      const existingAnti = (state.get('InterPodAffinity/existingAnti') as { pod: KubeObject; node: KubeObject }[] | undefined) ?? [];
      for (const { pod: existing, node } of existingAnti) {
        for (const t of required(existing, 'podAntiAffinity')) {
          const v = topo(node, t.topologyKey);
          if (v !== undefined && topo(info.node, t.topologyKey) === v && termMatches(t, existing, pod, nsLabels)) return unschedulable(ERR_EXISTING_ANTI_AFFINITY);
        }
      }
      return undefined;
    },
    score(pod, info, state) {
      const all = (state.get('InterPodAffinity/all') as NodeInfo[] | undefined) ?? [info];
      let s = 0;
      for (const w of pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
        if (domainHasMatch(w.podAffinityTerm, pod, info.node, all, nsLabels)) s += w.weight;
      }
      for (const w of pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
        if (domainHasMatch(w.podAffinityTerm, pod, info.node, all, nsLabels)) s -= w.weight;
      }
      return s;
    },
    normalizeScores(scores) {
      let min = Infinity;
      let max = -Infinity;
      for (const v of scores) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      for (let i = 0; i < scores.length; i++) scores[i] = max === min ? 0 : Math.floor((100 * (scores[i] - min)) / (max - min));
    },
  };
}
