/**
 * What a running line gets from the session that drives it: virtual time,
 * Ctrl-C, the live terminal and the editor. One RunContext per line.
 */
export interface RunContext {
  /** Virtual time now (ms since epoch). */
  nowMs(): number;
  /**
   * Lets `ms` of virtual time pass. Resolves when the clock got there or the
   * user pressed Ctrl-C (check `interrupted()` after awaiting). `streaming`
   * marks waits of commands that never end on their own (`watch`, `get -w`,
   * `logs -f`): only those are cut by the auto mode's Ctrl-C deadline.
   */
  sleep(ms: number, streaming?: boolean): Promise<void>;
  interrupted(): boolean;
  /** Writes to the terminal at once (streaming commands whose stdout is the terminal); stdout unless told. */
  emit(chunk: string, stream?: 'stdout' | 'stderr'): void;
  /**
   * Asks the host for an editor on `path` holding `content`. Resolves to the
   * saved text, or null when the user quits without saving.
   */
  edit(path: string, content: string): Promise<string | null>;
}

/** Exit status of a command killed by Ctrl-C (128 + SIGINT), as bash reports it. */
export const INTERRUPTED_EXIT_CODE = 130;

export interface LineResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}
