/**
 * Runs in a worker thread: replays an untrusted transcript against a lab and
 * grades it. The pool (grading-pool.ts) gives each job a wall-clock deadline
 * and the thread a heap limit, and kills the thread if either is exceeded.
 */
import { parentPort } from 'node:worker_threads';
import { replayAndGrade, type Lab, type Locale, type Transcript } from '@kubelab/lab-engine';

export interface GradeJob {
  id: number;
  lab: Lab;
  transcript: Transcript;
  locale: Locale;
}

/** Sent once the thread has loaded the engine and takes jobs. */
export interface WorkerReady {
  ready: true;
}

export type WorkerMessage = GradeReply | WorkerReady;

export type GradeReply =
  | { id: number; ok: true; stateHash: string; clusterHash: string; results: { taskId: string; passed: boolean; message: string; points: number }[]; ms: number }
  | { id: number; ok: false; error: string };

parentPort?.on('message', async (job: GradeJob) => {
  const t0 = performance.now();
  try {
    const r = await replayAndGrade(job.lab, job.transcript, { locale: job.locale });
    const reply: GradeReply = {
      id: job.id,
      ok: true,
      stateHash: r.stateHash,
      clusterHash: r.clusterHash,
      results: r.results.map((x) => ({ taskId: x.taskId, passed: x.passed, message: x.message, points: x.points })),
      ms: performance.now() - t0,
    };
    parentPort!.postMessage(reply);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies GradeReply);
  }
});

parentPort?.postMessage({ ready: true } satisfies WorkerReady);
