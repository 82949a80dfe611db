import type { CommandSpec } from '../types';
import { runCordonOrUncordon } from './cordon';

export const uncordon: CommandSpec = {
  use: 'uncordon NODE',
  short: 'Mark node as schedulable',
  flags: [],
  run: (ctx) => runCordonOrUncordon(ctx, false),
};
