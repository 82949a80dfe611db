import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { Lab, Locale, Transcript } from '@kubelab/lab-engine';
import type { GradeJob, GradeReply, WorkerMessage } from './grade-worker';

export interface PoolOptions {
  size?: number;
  /** Wall-clock budget of one job on its dedicated thread (counted from when a ready thread takes it). */
  timeoutMs?: number;
  /** How long a new thread may take to load the engine before it is given up. */
  startupTimeoutMs?: number;
  /** V8 old-generation heap of each thread. */
  maxHeapMb?: number;
  /** The worker entry (tests); default `KUBELAB_GRADE_WORKER` or app/_lib/lab/grade-worker-entry.mjs. */
  workerFile?: string;
}

interface Slot {
  worker: Worker;
  /** The thread has loaded the engine (it said so); jobs go only to ready threads. */
  ready: boolean;
  busy: boolean;
}

type Queued = { job: GradeJob; resolve: (r: GradeReply) => void };

/**
 * A small pool of grading threads. Each job runs alone on a thread; a job
 * that outlives its deadline or the heap limit takes the thread down with it
 * and the pool starts a fresh one — a hostile transcript cannot stall the
 * server or grow its memory. A new thread first loads the engine (seconds
 * through tsx on a busy machine); jobs wait for a ready thread, so that load
 * never counts against a transcript's deadline. `warm()` starts every thread
 * ahead of the first job.
 */
export class GradingPool {
  private slots: Slot[] = [];
  private queue: Queued[] = [];
  private readyWaiters: (() => void)[] = [];
  private nextId = 1;
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly startupTimeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly workerFile?: string;

  constructor(opts: PoolOptions = {}) {
    this.size = opts.size ?? 2;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.startupTimeoutMs = opts.startupTimeoutMs ?? 120_000;
    this.maxHeapMb = opts.maxHeapMb ?? 256;
    this.workerFile = opts.workerFile;
  }

  async grade(lab: Lab, transcript: Transcript, locale: Locale): Promise<GradeReply> {
    await loadWorkerThreads();
    return new Promise((resolve) => {
      this.queue.push({ job: { id: this.nextId++, lab, transcript, locale }, resolve });
      this.pump();
    });
  }

  /** Starts every thread now; resolves when all of them have loaded the engine (or failed to). */
  async warm(): Promise<void> {
    await loadWorkerThreads();
    while (this.slots.length < this.size) this.spawn();
    await new Promise<void>((resolve) => {
      const check = () => (this.slots.every((s) => s.ready) ? resolve() : this.readyWaiters.push(check));
      check();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }

  private pump(): void {
    while (this.slots.length < this.size && this.slots.length < this.queue.length + this.busyCount()) this.spawn();
    while (this.queue.length) {
      const slot = this.slots.find((s) => s.ready && !s.busy);
      if (!slot) return;
      const { job, resolve } = this.queue.shift()!;
      this.run(slot, job, resolve);
    }
  }

  private busyCount(): number {
    return this.slots.filter((s) => s.busy).length;
  }

  private spawn(): Slot {
    // Resolved from the project root, not import.meta.url: bundlers relocate this module.
    const file = this.workerFile ?? process.env.KUBELAB_GRADE_WORKER ?? join(process.cwd(), 'app/_lib/lab/grade-worker-entry.mjs');
    const worker = new workerThreads!.Worker(file, {
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, busy: false };
    this.slots.push(slot);
    let starting = true;
    const failStart = (reason: string) => {
      if (!starting) return;
      starting = false;
      clearTimeout(timer);
      void worker.terminate();
      this.slots = this.slots.filter((s) => s !== slot);
      // A thread that cannot start would fail every job: answer the oldest one instead of retrying forever.
      this.queue.shift()?.resolve({ id: 0, ok: false, error: `the grading thread could not start: ${reason}` });
      this.notifyReady();
      this.pump();
    };
    const timer = setTimeout(() => failStart(`it took longer than ${this.startupTimeoutMs / 1000} s to load`), this.startupTimeoutMs);
    timer.unref();
    worker.on('message', (m: WorkerMessage) => {
      if (!starting || !('ready' in m)) return;
      starting = false;
      clearTimeout(timer);
      slot.ready = true;
      this.notifyReady();
      this.pump();
    });
    // While a job runs, run() handles these; otherwise a dead idle thread just leaves the pool.
    worker.on('error', (e: Error) => failStart(e.message));
    worker.on('exit', () => {
      if (starting) return failStart('it stopped while loading');
      if (!slot.busy) this.slots = this.slots.filter((s) => s !== slot);
    });
    return slot;
  }

  private notifyReady(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w();
  }

  private run(slot: Slot, job: GradeJob, resolve: (r: GradeReply) => void): void {
    slot.busy = true;
    let settled = false;
    const finish = (r: GradeReply, replace: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      slot.worker.off('message', onMessage);
      slot.worker.off('error', onError);
      slot.worker.off('exit', onExit);
      if (replace) {
        void slot.worker.terminate();
        this.slots = this.slots.filter((s) => s !== slot);
      } else slot.busy = false;
      resolve(r);
      this.pump();
    };
    const onMessage = (r: WorkerMessage) => 'id' in r && r.id === job.id && finish(r, false);
    const onError = (e: Error) =>
      finish({ id: job.id, ok: false, error: /heap|memory/i.test(e.message) ? 'the transcript needs more memory than grading allows' : `grading failed: ${e.message}` }, true);
    const onExit = () => finish({ id: job.id, ok: false, error: 'the grading thread stopped' }, true);
    const timer = setTimeout(() => finish({ id: job.id, ok: false, error: `the transcript took longer than ${this.timeoutMs / 1000} s to replay and was cut off` }, true), this.timeoutMs);
    slot.worker.on('message', onMessage);
    slot.worker.on('error', onError);
    slot.worker.on('exit', onExit);
    slot.worker.postMessage(job);
  }
}

/**
 * node:worker_threads is imported at run time, hidden from the bundler: a static
 * `new Worker(path)` makes Turbopack treat every file the path could match as a
 * worker entry module.
 */
let workerThreads: typeof import('node:worker_threads') | undefined;
async function loadWorkerThreads(): Promise<void> {
  workerThreads ??= await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'node:worker_threads');
}

let shared: GradingPool | undefined;

/** The process-wide pool used by server actions. */
export function getGradingPool(): GradingPool {
  if (!shared) {
    shared = new GradingPool({ size: Math.max(1, Math.min(4, Number(process.env.KUBELAB_GRADING_THREADS ?? 2))) });
    // Every thread loads the engine now, not when a queue forms behind the first one.
    void shared.warm();
  }
  return shared;
}
