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
import { apply } from './apply';
import { patch } from './patch';
import { replace } from './replace';
import { edit } from './edit';
import { autoscale } from './autoscale';
import { diff } from './diff';
import { completion } from './completion';
import { get } from './get';
import { describe } from './describe';
import { logs } from './logs';
import { version } from './version';
import { config } from './config';
import { rollout } from './rollout';
import { wait } from './wait';
import { events } from './events';
import { apiResources, apiVersions, clusterInfo } from './api-resources';
import { top } from './top';
import { auth } from './auth';
import { explain } from './explain';
import { certificate } from './certificate';

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
  apply,
  patch,
  replace,
  edit,
  autoscale,
  diff,
  completion,
  // reads (get, describe, …)
  get,
  describe,
  logs,
  version,
  config,
  rollout,
  wait,
  events,
  apiResources,
  apiVersions,
  clusterInfo,
  top,
  auth,
  explain,
  certificate,
  // shell (exec, attach, port-forward, cp)
];
