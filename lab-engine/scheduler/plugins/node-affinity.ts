import type { KubeObject } from '../../api/types';
import type { SchedulerPlugin } from '../types';
import { unresolvable } from './status';

interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

// plugins/nodeaffinity: ErrReasonPod.
export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

function matchRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const vals = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && vals.includes(value);
    case 'NotIn':
      return value === undefined || !vals.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || !/^-?\d+$/.test(value) || vals.length !== 1) return false;
      const a = Number(value);
      const b = Number(vals[0]);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** component-helpers/scheduling/corev1/nodeaffinity: a term matches when all its requirements do. */
export function matchNodeSelectorTerm(term: NodeSelectorTerm, node: KubeObject): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of exprs) if (!matchRequirement(r, Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key] : undefined)) return false;
  for (const r of fields) if (!matchRequirement(r, r.key === 'metadata.name' ? node.metadata.name : undefined)) return false;
  return true;
}

/** spec.nodeSelector and required node affinity (terms ORed). */
export function podMatchesNode(pod: KubeObject, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries((pod.spec?.nodeSelector ?? {}) as Record<string, string>)) if (labels[k] !== v) return false;
  const terms: NodeSelectorTerm[] | undefined = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((t) => matchNodeSelectorTerm(t, node));
}

export const nodeAffinity: SchedulerPlugin = {
  name: 'NodeAffinity',
  weight: 2,
  filter(pod, info) {
    return podMatchesNode(pod, info.node) ? undefined : unresolvable(ERR_REASON_NODE_AFFINITY);
  },
  score(pod, info) {
    let total = 0;
    for (const p of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (p.weight && matchNodeSelectorTerm(p.preference ?? {}, info.node)) total += p.weight;
    }
    return total;
  },
  normalizeScores(scores) {
    let max = 0;
    for (const v of scores) max = Math.max(max, v);
    for (let i = 0; i < scores.length; i++) scores[i] = max === 0 ? 0 : Math.floor((scores[i] * 100) / max);
  },
};
