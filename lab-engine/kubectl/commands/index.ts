import type { CommandSpec } from '../types';
import { create } from './create';
import { deleteCommand } from './delete';
import { label } from './label';
import { annotate } from './annotate';
import { scale } from './scale';
import { cordon } from './cordon';
import { uncordon } from './uncordon';
import { drain } from './drain';
import { taint } from './taint';
import { set } from './set';
import { run } from './run';
import { expose } from './expose';
import { get } from './get';

/**
 * The verb table: every top-level kubectl command this emulation has. Add a
 * verb by importing its spec and appending it to the list (one line each).
 * Commands not listed answer `unknown command` exactly as kubectl does.
 */
export const COMMANDS: CommandSpec[] = [
  // writes (kubectl/commands/<verb>.ts, the "write side")
  create,
  deleteCommand,
  label,
  annotate,
  scale,
  cordon,
  uncordon,
  drain,
  taint,
  set,
  run,
  expose,
  // reads (get, describe, …)
  get,
  // shell (exec, attach, port-forward, cp)
];
