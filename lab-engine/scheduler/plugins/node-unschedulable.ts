import type { SchedulerPlugin } from '../types';
import { unresolvable } from './status';
import { toleratesTaint } from './taint-toleration';

// plugins/nodeunschedulable: ErrReasonUnschedulable.
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

/** A cordoned node (spec.unschedulable) only takes pods tolerating node.kubernetes.io/unschedulable:NoSchedule. */
export const nodeUnschedulable: SchedulerPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, info) {
    if (!info.node.spec?.unschedulable) return undefined;
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
    if ((pod.spec?.tolerations ?? []).some((t: Toleration) => toleratesTaint(t, taint))) return undefined;
    return unresolvable(ERR_REASON_UNSCHEDULABLE);
  },
};

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}
