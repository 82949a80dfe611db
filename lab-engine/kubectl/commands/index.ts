import type { CommandSpec } from '../types';

/**
 * The verb table: every top-level kubectl command this emulation has, in
 * kubectl's help order. Add a verb by importing its spec and appending it to
 * the list (one line each). Commands not listed answer `unknown command`.
 */
export const COMMANDS: CommandSpec[] = [
  // writes (kubectl/commands/<verb>.ts, owned by the "write side")
  // reads (get, describe, …)
  // shell (exec, attach, port-forward, cp)
];
