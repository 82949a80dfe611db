import { createCluster, type Cluster } from '../sim/cluster';
import { canonicalJson, contentHash64Hex, hash64Hex } from '../base/hash';
import type { LineResult, RunContext } from '../shell/run-context';
import { INTERRUPTED_EXIT_CODE } from '../shell/run-context';
import type { Shell } from '../shell/shell';
import { MAX_SETTLE_ROUNDS, type Frame, type LineRun, type PendingEditor, type Waiter } from './driver';
import type { Act, AutoRun, SessionOptions, Transcript } from './transcript';
import { TRANSCRIPT_VERSION } from './transcript';
import { buildNodeShell, type SessionEnvironment } from './environment';
import { completeLine, type Completion } from './complete';
import { MAX_FILE_BYTES } from './limits';

export type OutputStream = 'stdout' | 'stderr';

export interface RunOptions {
  /** Auto mode: Ctrl-C after this much virtual time (default 60 s). */
  interruptAfterMs?: number;
  /**
   * Editor contents for editors the line opens, in order (null = quit without
   * saving; a function gets the text the editor shows). The transcript records
   * the texts actually saved.
   */
  edits?: EditInput[];
}

export type EditInput = string | null | ((shown: string) => string | null);

export const DEFAULT_INTERRUPT_AFTER_MS = 60_000;
/** Longest a line in auto mode may run on waits that end by themselves before it gets Ctrl-C. */
export const FINITE_WAIT_CAP_MS = 600_000;

/**
 * A learner's terminal session: a stack of shells over one simulated cluster,
 * driven on the cluster's virtual clock, with every act recorded.
 *
 * Two ways to drive it:
 * - `run(line)` (scripts, tests, setup): the session lets virtual time pass
 *   itself while the line sleeps or watches, presses Ctrl-C after
 *   `interruptAfterMs`, and answers editors from `edits`.
 * - `start(line)` + `advanceTo(ms)` + `interrupt()` + `saveFile()` (the lab
 *   UI): the host moves time as real time passes and forwards keys; output
 *   arrives through `onOutput` as it is produced.
 */
export class Session {
  readonly cluster: Cluster;
  onOutput?: (chunk: string, stream: OutputStream) => void;
  /** Called when a line ends (`exitCode`), so the UI can print the next prompt. */
  onLineEnd?: (exitCode: number) => void;
  private readonly frames: Frame[] = [];
  private readonly acts: Act[] = [];
  private readonly waiters: Waiter[] = [];
  private editor?: PendingEditor;
  private wake?: () => void;
  private collector?: { stdout: string; stderr: string; exitCode: number };
  private recording = true;
  /** Foreground programs that catch Ctrl-C themselves (a raw TTY, kubectl's interrupt handler), innermost last. */
  private readonly catchers: { line: LineRun; onCtrlC: () => void }[] = [];
  readonly env: SessionEnvironment;

  constructor(readonly options: SessionOptions) {
    this.cluster = createCluster({ seed: options.seed, startMs: options.startMs, topology: options.topology ?? 'default' });
    this.cluster.settle();
    this.env = { session: this, cluster: this.cluster, nodeShells: new Map(), portForwards: new Map() };
    const home = buildNodeShell(this.env, 'controlplane');
    this.frames.push({ shell: home, label: 'controlplane', kind: 'node' });
  }

  // ---- state -------------------------------------------------------------

  nowMs(): number {
    return this.cluster.clock.nowMs();
  }

  prompt(): string {
    return this.top().shell.prompt();
  }

  /** The shell the next line goes to. */
  shell(): Shell {
    return this.top().shell;
  }

  /** True while a line of the foreground shell is still running (sleeping, watching, in an editor). */
  busy(): boolean {
    return this.top().line !== undefined;
  }

  pendingEditor(): { path: string; content: string } | null {
    return this.editor ? { path: this.editor.path, content: this.editor.content } : null;
  }

  transcript(): Transcript {
    return { version: TRANSCRIPT_VERSION, options: structuredClone(this.options), acts: structuredClone(this.acts) };
  }

  /** Hash of everything a replay must reproduce: cluster, every shell's files, env, cwd, functions, history. */
  stateHash(): string {
    return this.hashes().stateHash;
  }

  /** The session's hash and the cluster's (what the browser and the server must agree on), computed once. */
  hashes(): { stateHash: string; clusterHash: string } {
    const clusterHash = this.cluster.stateHash();
    const shells = [...this.env.nodeShells.entries(), ...this.frames.filter((f) => f.kind === 'container').map((f) => [f.label, f.shell] as const)];
    const stateHash = hash64Hex(
      canonicalJson({
        cluster: clusterHash,
        frames: this.frames.map((f) => f.label),
        shells: shells.map(([label, s]) => ({
          label,
          cwd: s.cwd(),
          env: s.env(),
          functions: s.functionNames(),
          history: s.history,
          // Each file's text by its hash: the same texts (a node's certificates, manifests) recur in every session.
          files: s.fs.snapshot().map(([path, text]) => [path, contentHash64Hex(text)]),
        })),
        portForwards: [...this.env.portForwards.entries()],
        editor: this.pendingEditor(),
      }),
    );
    return { stateHash, clusterHash };
  }

  complete(line: string, cursor = line.length): Completion {
    return completeLine(this, line, cursor);
  }

  // ---- acts --------------------------------------------------------------

  /** Runs a line to its end, letting virtual time pass as it needs (auto mode). */
  async run(line: string, opts: RunOptions = {}): Promise<LineResult> {
    const auto: AutoRun = { interruptAfterMs: opts.interruptAfterMs ?? DEFAULT_INTERRUPT_AFTER_MS, edits: [] };
    this.record({ t: this.nowMs(), kind: 'line', line, auto });
    return this.runAuto(line, { interruptAfterMs: auto.interruptAfterMs, edits: [...(opts.edits ?? [])] }, auto.edits);
  }

  /** Starts a line (interactive mode); resolves once it finished or waits for time, the editor or a nested shell. */
  async start(line: string): Promise<void> {
    if (this.busy()) throw new Error('session: a line is still running (interrupt it or wait)');
    this.record({ t: this.nowMs(), kind: 'line', line });
    this.startLine(line);
    await this.settle();
  }

  /** Lets virtual time pass up to `ms`, waking sleeping commands on the way. */
  async advanceTo(ms: number): Promise<void> {
    if (ms <= this.nowMs()) return;
    const last = this.acts[this.acts.length - 1];
    if (this.recording && last?.kind === 'advance') last.t = ms;
    else this.record({ t: ms, kind: 'advance' });
    await this.driveTo(ms);
  }

  /** Ctrl-C: stops the foreground line (a prompt without a running line ignores it). */
  async interrupt(): Promise<void> {
    this.record({ t: this.nowMs(), kind: 'interrupt' });
    const line = this.top().line;
    if (!line) return;
    this.ctrlC(line);
    await this.settle();
  }

  /** The editor saved `content` (or, with no editor open, a file written by the host). */
  async saveFile(path: string, content: string): Promise<void> {
    if (content.length > MAX_FILE_BYTES) throw new Error(`file too large: ${content.length} bytes (limit ${MAX_FILE_BYTES})`);
    this.record({ t: this.nowMs(), kind: 'edit', path, content });
    await this.applyEdit(path, content);
  }

  /** The editor was closed without saving. */
  async cancelEditor(): Promise<void> {
    this.record({ t: this.nowMs(), kind: 'edit', path: this.editor?.path ?? '', content: null });
    await this.applyEdit(this.editor?.path ?? '', null);
  }

  /** Re-applies one recorded act (replay). */
  async apply(act: Act): Promise<LineResult | undefined> {
    if (act.t > this.nowMs()) await this.driveTo(act.t);
    this.recording = false;
    try {
      this.acts.push(structuredClone(act));
      if (act.kind === 'line' && act.auto) return await this.runAuto(act.line, act.auto);
      if (act.kind === 'line') {
        this.startLine(act.line);
        await this.settle();
      } else if (act.kind === 'interrupt') {
        const line = this.top().line;
        if (line) this.ctrlC(line);
        await this.settle();
      } else if (act.kind === 'edit') await this.applyEdit(act.path, act.content);
      return undefined;
    } finally {
      this.recording = true;
    }
  }

  /** Runs setup lines without recording them or keeping them in history. */
  async runSetup(lines: string[]): Promise<void> {
    this.recording = false;
    try {
      for (const line of lines) await this.runAuto(line, { interruptAfterMs: DEFAULT_INTERRUPT_AFTER_MS, edits: [] });
    } finally {
      this.recording = true;
    }
    for (const s of this.env.nodeShells.values()) s.history.length = 0;
    this.cluster.settle();
  }

  // ---- nested shells (ssh, kubectl exec -it) -----------------------------

  /** Pushes a shell; resolves with its exit status when the learner leaves it. Called by a running command. */
  openShell(frame: Omit<Frame, 'close' | 'line'>): Promise<number> {
    const opener = this.top().line;
    if (!opener) throw new Error('session: openShell outside a running line');
    opener.blocked = 'shell';
    return new Promise<number>((resolve) => {
      this.frames.push({ ...frame, close: resolve });
      // The nested shell's prompt is up: the terminal takes lines again (the opener resumes on `exit`).
      this.onLineEnd?.(0);
      this.notify();
    });
  }

  /**
   * While the running line's foreground program handles Ctrl-C itself, the key goes to `onCtrlC`
   * (and wakes the line's waits) instead of ending the line with SIGINT: kubectl with the terminal
   * in raw mode sends it to the container's TTY (term.TTY.Safe with Raw), kubectl's interrupt
   * handler exits 1 (kubectl/pkg/util/interrupt). Returns the release.
   */
  catchInterrupt(onCtrlC: () => void): () => void {
    const line = this.top().line;
    if (!line) throw new Error('session: catchInterrupt outside a running line');
    const c = { line, onCtrlC };
    this.catchers.push(c);
    return () => {
      const i = this.catchers.indexOf(c);
      if (i >= 0) this.catchers.splice(i, 1);
    };
  }

  // ---- internals ---------------------------------------------------------

  /** Ctrl-C on a running line: its foreground program's handler, else SIGINT to the line. */
  private ctrlC(line: LineRun): boolean {
    const c = [...this.catchers].reverse().find((x) => x.line === line && !line.done);
    if (!c) {
      this.interruptLine(line);
      return false;
    }
    c.onCtrlC();
    for (const w of this.waiters.filter((x) => x.line === line)) this.wakeWaiter(w);
    return true;
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private record(act: Act): void {
    if (this.recording) this.acts.push(act);
  }

  private emit(chunk: string, stream: OutputStream): void {
    if (!chunk) return;
    if (this.collector) this.collector[stream] += chunk;
    this.onOutput?.(chunk, stream);
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private startLine(line: string): void {
    const frame = this.top();
    if (frame.kind !== 'node' || this.frames.length > 1) {
      const m = /^\s*(exit|logout)(?:\s+(\d+))?\s*$/.exec(line);
      if (m && this.frames.length > 1) return this.leave(frame, m[2] ? Number(m[2]) : 0);
    }
    const run: LineRun = { line, interrupted: false, blocked: null, done: false, ctx: undefined as unknown as RunContext };
    run.ctx = this.runContext(run);
    frame.line = run;
    void frame.shell.exec(line, run.ctx).then(
      (result) => {
        run.done = true;
        run.result = result;
        this.notify();
      },
      (err: unknown) => {
        run.done = true;
        run.result = { stdout: '', stderr: `bash: internal error: ${err instanceof Error ? err.message : String(err)}\n`, exitCode: 1 };
        this.notify();
      },
    );
  }

  /** `exit` in a nested shell: pop it and let the command that opened it finish. */
  private leave(frame: Frame, exitCode: number): void {
    this.frames.pop();
    this.emit(frame.leaveMessage ?? '', 'stdout');
    const parent = this.top().line;
    if (parent) parent.blocked = null;
    frame.close?.(exitCode);
  }

  private runContext(run: LineRun): RunContext {
    return {
      nowMs: () => this.nowMs(),
      interrupted: () => run.interrupted,
      emit: (chunk, stream = 'stdout') => this.emit(chunk, stream),
      sleep: (ms, streaming = false) => {
        if (run.interrupted || !(ms > 0)) return Promise.resolve();
        return new Promise<void>((resolve) => {
          this.waiters.push({ dueMs: this.nowMs() + ms, streaming, line: run, resolve });
          run.blocked = 'sleep';
          this.notify();
        });
      },
      edit: (path, content) =>
        new Promise<string | null>((resolve) => {
          this.editor = { path, content, line: run, resolve };
          run.blocked = 'edit';
          this.notify();
        }),
    };
  }

  /** Waits until the foreground line finished or waits for something outside itself. */
  private async settle(): Promise<void> {
    for (let i = 0; i < MAX_SETTLE_ROUNDS; i++) {
      const frame = this.top();
      const line = frame.line;
      if (line?.done) {
        frame.line = undefined;
        this.finish(line);
        continue;
      }
      if (!line || line.blocked) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    throw new Error('session: settle did not converge');
  }

  private finish(line: LineRun): void {
    const r = line.result!;
    this.emit(r.stdout, 'stdout');
    this.emit(r.stderr, 'stderr');
    if (this.collector) this.collector.exitCode = r.exitCode;
    this.onLineEnd?.(r.exitCode);
  }

  private wakeWaiter(w: Waiter): void {
    this.waiters.splice(this.waiters.indexOf(w), 1);
    w.line.blocked = null;
    w.resolve();
  }

  private interruptLine(line: LineRun): void {
    line.interrupted = true;
    for (const w of this.waiters.filter((x) => x.line === line)) this.wakeWaiter(w);
  }

  private earliestWaiter(): Waiter | undefined {
    let best: Waiter | undefined;
    for (const w of this.waiters) if (!best || w.dueMs < best.dueMs) best = w;
    return best;
  }

  private advanceClusterTo(ms: number): void {
    const now = this.nowMs();
    if (ms > now) this.cluster.advance(ms - now);
  }

  private async driveTo(ms: number): Promise<void> {
    for (let i = 0; i < MAX_SETTLE_ROUNDS; i++) {
      const w = this.earliestWaiter();
      if (!w || w.dueMs > ms) break;
      this.advanceClusterTo(w.dueMs);
      this.wakeWaiter(w);
      await this.settle();
    }
    this.advanceClusterTo(ms);
  }

  private async applyEdit(path: string, content: string | null): Promise<void> {
    const pending = this.editor;
    if (pending) {
      this.editor = undefined;
      pending.line.blocked = null;
      pending.resolve(content);
      await this.settle();
      return;
    }
    if (content !== null && path) this.top().shell.fs.writeFileSync(path, content);
  }

  private async runAuto(line: string, auto: { interruptAfterMs: number; edits: EditInput[] }, used: (string | null)[] = []): Promise<LineResult> {
    const outer = this.collector;
    const collector = { stdout: '', stderr: '', exitCode: 0 };
    this.collector = collector;
    const edits = [...auto.edits];
    let deadline = this.nowMs() + auto.interruptAfterMs;
    let caught = 0;
    // Waits that end by themselves (sleep 90, rollout status) may outlast the
    // Ctrl-C deadline, up to a cap that also stops `while true; do …; sleep 2; done`.
    let hardDeadline = this.nowMs() + Math.max(auto.interruptAfterMs, FINITE_WAIT_CAP_MS);
    try {
      if (this.busy()) throw new Error('session: a line is still running');
      this.startLine(line);
      await this.settle();
      for (let i = 0; i < MAX_SETTLE_ROUNDS && this.top().line; i++) {
        const running = this.top().line!;
        if (this.editor) {
          const next = edits.length > 0 ? edits.shift()! : null;
          const content = typeof next === 'function' ? next(this.editor.content) : next;
          used.push(content);
          await this.applyEdit(this.editor.path, content);
          continue;
        }
        const w = this.earliestWaiter();
        const limit = w && !w.streaming ? hardDeadline : deadline;
        if (w && w.dueMs <= limit) {
          this.advanceClusterTo(w.dueMs);
          this.wakeWaiter(w);
        } else {
          this.advanceClusterTo(limit);
          // A program that catches Ctrl-C gets one press and another interruptAfterMs to end; then the
          // line is interrupted as if the terminal went away (PID 1 ignoring SIGINT, kubectl run -it -- sleep).
          if (caught++ === 0 && this.ctrlC(running)) deadline = hardDeadline = this.nowMs() + auto.interruptAfterMs;
          else this.interruptLine(running);
        }
        await this.settle();
      }
      return collector;
    } finally {
      this.collector = outer;
      if (outer) {
        outer.stdout += collector.stdout;
        outer.stderr += collector.stderr;
      }
    }
  }
}

export { INTERRUPTED_EXIT_CODE };

export async function createSession(options: SessionOptions): Promise<Session> {
  const s = new Session(options);
  if (options.setup?.length) await s.runSetup(options.setup);
  return s;
}
