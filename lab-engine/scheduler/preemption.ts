import type { KubeObject } from '../api/types';
import type { NodeInfo, PluginStatus } from './types';
import { cloneNodeInfo, removePod, addPod } from './node-info';
import { fitErrorMessage } from './fit-error';

export interface PreemptionResult {
  /** Node picked for the preemptor (status.nominatedNodeName), or undefined. */
  nominatedNode?: string;
  victims: KubeObject[];
  /** PostFilter message (`preemption: …`), empty when victims were chosen. */
  message: string;
}

export type FitCheck = (pod: KubeObject, info: NodeInfo) => PluginStatus | undefined;

const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
const NO_VICTIMS = 'No preemption victims found for incoming pod';

export function priorityOf(pod: KubeObject): number {
  return pod.spec?.priority ?? 0;
}

/**
 * DefaultPreemption.PostFilter (framework/preemption/preemption.go, cut down: no PDBs,
 * no extenders): on nodes where the failure was resolvable, remove every
 * lower-priority pod, check the pod fits, then reprieve the most important
 * victims that can stay. Pick the node whose most important victim has the
 * lowest priority, then fewest victims, then name.
 */
export function preempt(pod: KubeObject, nodes: NodeInfo[], statuses: Map<string, PluginStatus>, fits: FitCheck): PreemptionResult {
  if (pod.spec?.preemptionPolicy === 'Never') return { victims: [], message: 'preemption: not eligible due to preemptionPolicy=Never.' };
  const prio = priorityOf(pod);
  const out = new Map<string, PluginStatus>();
  const candidates: { node: string; victims: KubeObject[] }[] = [];
  for (const info of nodes) {
    const name = info.node.metadata.name!;
    const st = statuses.get(name);
    if (!st || st.code === 'UnschedulableAndUnresolvable') {
      out.set(name, { code: 'UnschedulableAndUnresolvable', reasons: [NOT_HELPFUL] });
      continue;
    }
    const r = selectVictims(pod, prio, info, fits);
    if ('status' in r) out.set(name, r.status);
    else candidates.push({ node: name, victims: r.victims });
  }
  if (!candidates.length) return { victims: [], message: `preemption: ${fitErrorMessage(nodes.length, '', out, '')}` };
  candidates.sort((a, b) => maxPrio(a.victims) - maxPrio(b.victims) || a.victims.length - b.victims.length || (a.node < b.node ? -1 : 1));
  return { nominatedNode: candidates[0].node, victims: candidates[0].victims, message: '' };
}

function maxPrio(victims: KubeObject[]): number {
  return victims.reduce((m, v) => Math.max(m, priorityOf(v)), -Infinity);
}

function selectVictims(pod: KubeObject, prio: number, info: NodeInfo, fits: FitCheck): { victims: KubeObject[] } | { status: PluginStatus } {
  const trial = cloneNodeInfo(info);
  const lower = trial.pods.filter((p) => priorityOf(p) < prio && !p.metadata.deletionTimestamp);
  if (!lower.length) return { status: { code: 'UnschedulableAndUnresolvable', reasons: [NO_VICTIMS] } };
  for (const p of lower) removePod(trial, p);
  const st = fits(pod, trial);
  if (st) return { status: st };
  // Reprieve: most important first (higher priority, then older).
  const victims: KubeObject[] = [];
  const ordered = [...lower].sort((a, b) => priorityOf(b) - priorityOf(a) || ((a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? -1 : 1));
  for (const p of ordered) {
    addPod(trial, p);
    if (fits(pod, trial)) {
      removePod(trial, p);
      victims.push(p);
    }
  }
  return { victims };
}
