import type { Runtime } from '../../sim/runtime';
import type { HttpHandler, Program } from './types';

export type ExitReason = 'exited' | 'OOMKilled' | 'killed';

/**
 * What SIGINT from the container's TTY (Ctrl-C in `kubectl run/attach -it`) does to the main
 * process. PID 1 gets only the signals it installed a handler for: `ignored` (sleep, tail, cat, an
 * interactive shell), `shell` (a busybox `sh -c`/script catches it — ash's setsignal with minusc —
 * and exits 128+SIGINT = 130 once its foreground child died), `handler` (servers: nginx's fast
 * shutdown, exit 0).
 */
export type SigintDisposition = 'ignored' | 'shell' | 'handler';

/**
 * One running program on the virtual clock: resumes the generator after each
 * sleep (a runtime timer), parks it on `block`, and ends it on exit, signal
 * or OOM. PID 1 semantics: a process that installs no SIGTERM handler
 * (shells, sleep, tail) ignores SIGTERM and dies by SIGKILL at the end of the
 * grace period (exit 137); servers shut down at once (exit 0).
 */
export class ProcessRun {
  readonly listeners = new Map<number, HttpHandler | undefined>();
  memoryBytes = 0;
  cpuMillis = 0;
  exited = false;
  private cancelTimer?: () => void;
  private killTimer?: () => void;

  constructor(
    private readonly runtime: Runtime,
    private readonly program: Program,
    private readonly opts: {
      label: string;
      ignoresSigterm: boolean;
      sigint?: SigintDisposition;
      onExit: (code: number, reason: ExitReason) => void;
      onError: (text: string) => void;
    },
  ) {}

  start(): void {
    this.step();
  }

  private step(): void {
    if (this.exited) return;
    let r: IteratorResult<unknown, number>;
    try {
      r = this.program.next();
    } catch (e) {
      this.opts.onError(`${e instanceof Error ? e.message : String(e)}\n`);
      this.finish(1, 'exited');
      return;
    }
    if (this.exited) return;
    if (r.done) {
      this.finish(r.value ?? 0, 'exited');
      return;
    }
    const eff = r.value as { kind: string; ms?: number; background?: boolean };
    if (eff.kind === 'sleep') {
      this.cancelTimer = this.runtime.after(Math.max(0, eff.ms ?? 0), () => this.step(), { background: !!eff.background, label: this.opts.label });
    }
    // 'block': parked until a signal.
  }

  /** SIGTERM with a grace period; returns true when the process will be gone at once. */
  terminate(graceMs: number): boolean {
    if (this.exited) return true;
    if (!this.opts.ignoresSigterm) {
      this.finish(0, 'exited');
      return true;
    }
    if (graceMs <= 0) {
      this.kill();
      return true;
    }
    this.killTimer = this.runtime.after(graceMs, () => this.kill(), { label: `${this.opts.label}:SIGKILL` });
    return false;
  }

  /**
   * The process ends by itself with `code`: an attached interactive shell ran
   * `exit N`, or read end-of-file when the runtime closed its stdin (stdinOnce).
   */
  exit(code: number): void {
    this.finish(code, 'exited');
  }

  /** SIGINT from the TTY; true when the process ends of it. */
  interrupt(): boolean {
    const d = this.opts.sigint ?? 'ignored';
    if (this.exited || d === 'ignored') return false;
    this.finish(d === 'shell' ? 130 : 0, 'exited');
    return true;
  }

  kill(): void {
    this.finish(137, 'killed');
  }

  oomKill(): void {
    this.finish(137, 'OOMKilled');
  }

  private finish(code: number, reason: ExitReason): void {
    if (this.exited) return;
    this.exited = true;
    this.cancelTimer?.();
    this.killTimer?.();
    this.listeners.clear();
    try {
      this.program.return(code);
    } catch {
      // a generator's finally blocks may throw exit/loop signals; the process is gone either way
    }
    this.opts.onExit(code, reason);
  }
}
