/**
 * `npx tsx scripts/bench-grading-pool.ts [jobs] [threads]`: the server's own
 * grading path end to end — the 30-command transcript of the grading bench
 * (lab-engine/lab/bench/grading.bench.ts) sent `jobs` times at once through a
 * warmed GradingPool of `threads` worker threads (the app's default: 2).
 * Prints replays per second and the threads' own per-job times.
 */
import { GradingPool } from '../app/_lib/lab/grading-pool';
import { recordBenchTranscript } from '../lab-engine/lab/bench/grading.bench';
import { summarize } from '../lab-engine/sim/bench/stats';

async function main() {
  const jobs = Number(process.argv[2] ?? 40);
  const threads = Number(process.argv[3] ?? 2);
  const { lab, transcript } = await recordBenchTranscript();
  const pool = new GradingPool({ size: threads, timeoutMs: 60_000 });
  const w0 = performance.now();
  await pool.warm();
  console.log(`${threads} grading threads loaded the engine in ${(performance.now() - w0).toFixed(0)} ms`);
  // One job per thread first, so the measured batch runs on JIT-warm threads.
  await Promise.all(Array.from({ length: threads }, () => pool.grade(lab, transcript, 'en')));
  const t0 = performance.now();
  const replies = await Promise.all(Array.from({ length: jobs }, () => pool.grade(lab, transcript, 'en')));
  const wallMs = performance.now() - t0;
  await pool.close();
  const failed = replies.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} jobs failed: ${JSON.stringify(failed[0])}`);
  const perJob = summarize(replies.map((r) => (r.ok ? r.ms : NaN)));
  console.log(`${jobs} replay-and-grade jobs on ${threads} threads: ${wallMs.toFixed(0)} ms, ${((jobs * 1000) / wallMs).toFixed(1)} /s (goal 500 /s)`);
  console.log(`per job on its thread: p50 ${perJob.p50.toFixed(1)} ms, p95 ${perJob.p95.toFixed(1)} ms`);
}

void main();
