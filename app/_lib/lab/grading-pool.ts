import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { Lab, Locale, Transcript } from '@kubelab/lab-engine';
import type { GradeJob, GradeReply } from './grade-worker';

export interface PoolOptions {
  size?: number;
  /** Wall-clock budget of one job on its dedicated thread. */
  timeoutMs?: number;
  /** V8 old-generation heap of each thread. */
  maxHeapMb?: number;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

/**
 * A small pool of grading threads. Each job runs alone on a thread; a job
 * that outlives its deadline or the heap limit takes the thread down with it
 * and the pool starts a fresh one — a hostile transcript cannot stall the
 * server or grow its memory.
 */
export class GradingPool {
  private slots: Slot[] = [];
  private queue: { job: GradeJob; resolve: (r: GradeReply) => void }[] = [];
  private nextId = 1;
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;

  constructor(opts: PoolOptions = {}) {
    this.size = opts.size ?? 2;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.maxHeapMb = opts.maxHeapMb ?? 256;
  }

  async grade(lab: Lab, transcript: Transcript, locale: Locale): Promise<GradeReply> {
    await loadWorkerThreads();
    return new Promise((resolve) => {
      this.queue.push({ job: { id: this.nextId++, lab, transcript, locale }, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const { job, resolve } = this.queue.shift()!;
      this.run(slot, job, resolve);
    }
  }

  private spawn(): Slot {
    // Resolved from the project root, not import.meta.url: bundlers relocate this module.
    const file = process.env.KUBELAB_GRADE_WORKER ?? join(process.cwd(), 'app/_lib/lab/grade-worker-entry.mjs');
    const worker = new workerThreads!.Worker(file, {
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    worker.unref();
    const slot: Slot = { worker, busy: false };
    this.slots.push(slot);
    return slot;
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
    const onMessage = (r: GradeReply) => r.id === job.id && finish(r, false);
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
  shared ??= new GradingPool({ size: Math.max(1, Math.min(4, Number(process.env.KUBELAB_GRADING_THREADS ?? 2))) });
  return shared;
}
