import type { KubeObject } from '../../api/types';
import type { SchedulerPlugin } from '../types';
import { unresolvable } from './status';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** v1.Toleration.ToleratesTaint (k8s.io/api/core/v1/toleration.go). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator || 'Equal';
  if (op === 'Exists') return true;
  if (op === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

/** The first NoSchedule/NoExecute taint no toleration matches (FindMatchingUntoleratedTaint). */
export function untoleratedTaint(node: KubeObject, tolerations: Toleration[], effects: string[]): Taint | undefined {
  for (const taint of (node.spec?.taints ?? []) as Taint[]) {
    if (!effects.includes(taint.effect)) continue;
    if (!tolerations.some((t) => toleratesTaint(t, taint))) return taint;
  }
  return undefined;
}

/**
 * plugins/tainttoleration: Filter on NoSchedule/NoExecute taints; Score counts
 * intolerable PreferNoSchedule taints (fewer is better, reversed normalisation).
 */
export const taintToleration: SchedulerPlugin = {
  name: 'TaintToleration',
  weight: 3,
  filter(pod, info) {
    const taint = untoleratedTaint(info.node, pod.spec?.tolerations ?? [], ['NoSchedule', 'NoExecute']);
    if (!taint) return undefined;
    return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
  },
  score(pod, info) {
    const tols = ((pod.spec?.tolerations ?? []) as Toleration[]).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    let n = 0;
    for (const taint of (info.node.spec?.taints ?? []) as Taint[]) {
      if (taint.effect === 'PreferNoSchedule' && !tols.some((t) => toleratesTaint(t, taint))) n++;
    }
    return n;
  },
  normalizeScores(scores) {
    // helper.DefaultNormalizeScore(MaxNodeScore, reverse=true, scores)
    let max = 0;
    for (const v of scores) max = Math.max(max, v);
    for (let i = 0; i < scores.length; i++) scores[i] = max === 0 ? 100 : 100 - Math.floor((scores[i] * 100) / max);
  },
};
