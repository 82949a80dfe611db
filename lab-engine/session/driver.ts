import type { Shell } from '../shell/shell';
import type { LineResult, RunContext } from '../shell/run-context';

/** One line being executed by one shell. */
export interface LineRun {
  readonly line: string;
  interrupted: boolean;
  /** What the line waits for, when it waits. */
  blocked: null | 'sleep' | 'edit' | 'shell';
  done: boolean;
  result?: LineResult;
  ctx: RunContext;
}

/** A shell on the session's stack: the learner's, then ssh hops and container shells above it. */
export interface Frame {
  shell: Shell;
  /** `controlplane`, `node01`, `default/web/nginx`… */
  label: string;
  kind: 'node' | 'container';
  line?: LineRun;
  /** Resolves the command that opened this shell (ssh, kubectl exec -it) with the shell's exit status. */
  close?: (exitCode: number) => void;
  /** Printed when the shell is left (`logout\nConnection to node01 closed.\n`). */
  leaveMessage?: string;
}

export interface Waiter {
  dueMs: number;
  /** A wait of a command that never ends by itself (auto mode may Ctrl-C it). */
  streaming: boolean;
  line: LineRun;
  resolve: () => void;
}

export interface PendingEditor {
  path: string;
  content: string;
  line: LineRun;
  resolve: (saved: string | null) => void;
}

/** Upper bound on settle rounds per act; a line that keeps waking itself without waiting is a bug. */
export const MAX_SETTLE_ROUNDS = 1_000_000;
