import type { SchedulerPlugin } from '../types';
import { hostPorts } from '../node-info';
import { unschedulable } from './status';

// plugins/nodeports: ErrReason. 0.0.0.0 conflicts with every IP of the same protocol/port.
export const nodePorts: SchedulerPlugin = {
  name: 'NodePorts',
  filter(pod, info) {
    for (const want of hostPorts(pod)) {
      const [proto, ip, port] = want.split('/');
      for (const used of info.usedPorts) {
        const [uproto, uip, uport] = used.split('/');
        if (uproto === proto && uport === port && (ip === '0.0.0.0' || uip === '0.0.0.0' || uip === ip)) {
          return unschedulable("node(s) didn't have free ports for the requested pod ports");
        }
      }
    }
    return undefined;
  },
};
