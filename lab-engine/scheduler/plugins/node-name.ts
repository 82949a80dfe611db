import type { SchedulerPlugin } from '../types';
import { unresolvable } from './status';

// plugins/nodename: ErrReason.
export const nodeName: SchedulerPlugin = {
  name: 'NodeName',
  filter(pod, info) {
    const want = pod.spec?.nodeName;
    if (!want || want === info.node.metadata.name) return undefined;
    return unresolvable("node(s) didn't match the requested node name");
  },
};
