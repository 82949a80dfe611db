import type { CommandSpec } from '../types';
import { create } from './create';

/**
 * The verb table: every top-level kubectl command this emulation has. Add a
 * verb by importing its spec and appending it to the list (one line each).
 * Commands not listed answer `unknown command` exactly as kubectl does.
 */
export const COMMANDS: CommandSpec[] = [
  // writes (kubectl/commands/<verb>.ts, the "write side")
  create,
  // reads (get, describe, …)
  // shell (exec, attach, port-forward, cp)
];
