import { afterEach, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadLab, type Lab, type Transcript } from '@kubelab/lab-engine';
import { GradingPool } from '@/app/_lib/lab/grading-pool';

/**
 * The pool's thread life cycle with stand-in workers (no engine): a thread's
 * start-up never counts against a job's deadline, a thread that cannot start
 * answers with a clear error and the pool keeps serving.
 */
const fixture = (name: string) => join(__dirname, 'fixtures', name);
const loaded = loadLab('id: pool-lab\ntitle: Pool\ntasks:\n  - id: t\n    ask: Nothing.\n    checks:\n      - object: namespace/default\n        expect: { status.phase: Active }\nsolution: "true"\n');
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const lab: Lab = loaded.lab;
const transcript: Transcript = { version: 1, options: { seed: 1 }, acts: [] };
const pools: GradingPool[] = [];
const pool = (opts: ConstructorParameters<typeof GradingPool>[0]) => {
  const p = new GradingPool(opts);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

it('counts a job deadline from when a loaded thread takes it, not from the thread start', async () => {
  const p = pool({ size: 1, timeoutMs: 500, workerFile: fixture('slow-start-worker.mjs') });
  const t0 = performance.now();
  const r = await p.grade(lab, transcript, 'en');
  expect(performance.now() - t0).toBeGreaterThanOrEqual(1400);
  expect(r).toMatchObject({ ok: true, stateHash: 'state' });
}, 20_000);

it('warm() starts every thread before the first job', async () => {
  const p = pool({ size: 2, timeoutMs: 500, workerFile: fixture('slow-start-worker.mjs') });
  await p.warm();
  const t0 = performance.now();
  const replies = await Promise.all([p.grade(lab, transcript, 'en'), p.grade(lab, transcript, 'en'), p.grade(lab, transcript, 'en')]);
  expect(performance.now() - t0).toBeLessThan(1000);
  expect(replies.every((r) => r.ok)).toBe(true);
}, 20_000);

it('answers with a clear error when a thread cannot start, one job per failed start', async () => {
  const p = pool({ size: 1, workerFile: fixture('broken-worker.mjs') });
  const [a, b] = await Promise.all([p.grade(lab, transcript, 'en'), p.grade(lab, transcript, 'en')]);
  expect(a).toMatchObject({ ok: false, error: expect.stringContaining('the grading thread could not start: engine bundle missing') });
  expect(b).toMatchObject({ ok: false, error: expect.stringContaining('could not start') });
}, 20_000);

it('gives up on a thread that takes longer than the start-up limit', async () => {
  const p = pool({ size: 1, startupTimeoutMs: 200, workerFile: fixture('slow-start-worker.mjs') });
  expect(await p.grade(lab, transcript, 'en')).toMatchObject({ ok: false, error: 'the grading thread could not start: it took longer than 0.2 s to load' });
}, 20_000);
