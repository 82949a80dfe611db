import { afterAll, expect, it } from 'vitest';
import { createSession, loadLab, replayLab, startLab, type Lab, type Transcript } from '@kubelab/lab-engine';
import type { Db } from '@/app/_lib/db/client';
import type { Role, Viewer } from '@/app/_lib/auth/viewer';
import { GradingPool } from '@/app/_lib/lab/grading-pool';
import { gradeSubmission, MAX_CHECKS_PER_MINUTE, type GradeDeps } from '@/app/_lib/lab/grade-submission';
import type { LabEntry } from '@/app/_lib/lab/labs';
import { describeEachDatabase } from '../db/harness';

const LAB_YAML = `
id: make-a-namespace
title: Make a namespace
seed: 5
settleSeconds: 0
tasks:
  - id: ns
    ask: Create namespace team-a.
    checks:
      - object: namespace/team-a
        expect: { status.phase: Active }
  - id: cm
    ask: Create config map settings in team-a.
    checks:
      - object: configmap/team-a/settings
        expect: { data.mode: prod }
solution: |
  kubectl create namespace team-a
  kubectl -n team-a create configmap settings --from-literal=mode=prod
`;
const loaded = loadLab(LAB_YAML);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const lab: Lab = loaded.lab;
const entry: LabEntry = { lab, contentVersion: 'v1', file: 'inline' };
const pool = new GradingPool({ size: 1, timeoutMs: 20_000 });
const deps: GradeDeps = { getLab: (id) => (id === lab.id ? entry : undefined), grade: (l, t, locale) => pool.grade(l, t, locale), now: () => new Date() };
afterAll(() => pool.close());

async function newUser(db: Db, role: Role = 'student'): Promise<Viewer> {
  const user = await db.user.create({ data: { email: `${role}-${Math.random().toString(36).slice(2)}@example.test`, name: role, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

async function transcriptOf(lines: string[]): Promise<{ transcript: Transcript; stateHash: string; clusterHash: string }> {
  const s = await startLab(lab, Date.UTC(2026, 0, 5, 9));
  for (const l of lines) await s.run(l);
  return { transcript: s.transcript(), stateHash: s.stateHash(), clusterHash: s.cluster.stateHash() };
}

it('replays on the server thread to the same state hash as in-process (the browser runs this code)', async () => {
  const { transcript, stateHash } = await transcriptOf(['kubectl create namespace team-a', 'kubectl get ns']);
  const local = await replayLab(lab, transcript);
  expect(local.stateHash()).toBe(stateHash);
  const reply = await pool.grade(lab, transcript, 'en');
  expect(reply).toMatchObject({ ok: true, stateHash });
}, 60_000);

describeEachDatabase('authoritative grading', (get) => {
  it('records what the replay produces, in one transaction, and marks the session completed', async () => {
    const { db } = get();
    const viewer = await newUser(db);
    const { transcript, stateHash, clusterHash } = await transcriptOf(['kubectl create namespace team-a', 'kubectl -n team-a create configmap settings --from-literal=mode=prod']);
    const r = await gradeSubmission(db, viewer, { labId: lab.id, contentVersion: 'v1', transcript, clientStateHash: clusterHash }, deps);
    expect(r).toMatchObject({ ok: true, cached: false, results: [{ taskId: 'ns', passed: true }, { taskId: 'cm', passed: true }] });
    const session = await db.labSession.findUniqueOrThrow({ where: { userId_labId: { userId: viewer.id, labId: lab.id } } });
    expect(session).toMatchObject({ status: 'completed', stateHash });
    expect(await db.taskResult.count({ where: { sessionId: session.id } })).toBe(2);
  }, 60_000);

  it('never records a pass the replay does not produce (a forged "passed" has nowhere to go)', async () => {
    const { db } = get();
    const viewer = await newUser(db);
    const { transcript } = await transcriptOf(['kubectl create namespace team-a']);
    const forged = { labId: lab.id, contentVersion: 'v1', transcript, results: [{ taskId: 'cm', passed: true }] } as never;
    const r = await gradeSubmission(db, viewer, forged, deps);
    expect(r).toMatchObject({ ok: true, results: [{ taskId: 'ns', passed: true }, { taskId: 'cm', passed: false, message: 'configmap "settings" was not found in namespace "team-a"' }] });
    const rows = await db.taskResult.findMany({ where: { userId: viewer.id, taskId: 'cm' } });
    expect(rows.map((x) => x.passed)).toEqual([false]);
  }, 60_000);

  it('rejects a submission whose client state diverges from the replay, recording nothing', async () => {
    const { db } = get();
    const viewer = await newUser(db);
    const { transcript } = await transcriptOf(['kubectl create namespace team-a']);
    const r = await gradeSubmission(db, viewer, { labId: lab.id, contentVersion: 'v1', transcript, clientStateHash: '0000000000000000' }, deps);
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('disagree') });
    expect(await db.taskResult.count({ where: { userId: viewer.id } })).toBe(0);
  }, 60_000);

  it('ignores a forged starting state: seed, topology and setup come from the lab file', async () => {
    const { db } = get();
    const viewer = await newUser(db);
    // A transcript claiming a setup that already created everything.
    const s = await createSession({ seed: 5, setup: ['kubectl create namespace team-a', 'kubectl -n team-a create configmap settings --from-literal=mode=prod'] });
    const r = await gradeSubmission(db, viewer, { labId: lab.id, contentVersion: 'v1', transcript: s.transcript() }, deps);
    expect(r).toMatchObject({ ok: true, results: [{ passed: false }, { passed: false }] });
  }, 60_000);

  it('is idempotent for the same transcript and refuses malformed or stale submissions', async () => {
    const { db } = get();
    const viewer = await newUser(db);
    const { transcript } = await transcriptOf(['kubectl create namespace team-a']);
    const input = { labId: lab.id, contentVersion: 'v1', transcript };
    expect(await gradeSubmission(db, viewer, input, deps)).toMatchObject({ ok: true, cached: false });
    expect(await gradeSubmission(db, viewer, input, deps)).toMatchObject({ ok: true, cached: true });
    expect(await db.taskResult.count({ where: { userId: viewer.id } })).toBe(2);
    expect(await gradeSubmission(db, viewer, { ...input, contentVersion: 'v0' }, deps)).toMatchObject({ ok: false, error: expect.stringContaining('updated') });
    expect(await gradeSubmission(db, viewer, { ...input, transcript: { version: 1, acts: 'nope' } }, deps)).toMatchObject({ ok: false, error: expect.stringContaining('rejected') });
    expect(await gradeSubmission(db, viewer, { labId: 'nope', contentVersion: 'v1', transcript }, deps)).toMatchObject({ ok: false });
  }, 60_000);

  it('rate-limits checks per learner', async () => {
    const { db } = get();
    const viewer = await newUser(db);
    const session = await db.labSession.create({ data: { userId: viewer.id, labId: lab.id, contentVersion: 'v1', seed: 5, transcript: [] } });
    const now = Date.now();
    for (let i = 0; i < MAX_CHECKS_PER_MINUTE; i++) {
      await db.taskResult.create({ data: { sessionId: session.id, userId: viewer.id, labId: lab.id, taskId: 'ns', passed: false, message: 'x', attempt: i + 1, createdAt: new Date(now - i) } });
    }
    const { transcript } = await transcriptOf(['kubectl get ns']);
    expect(await gradeSubmission(db, viewer, { labId: lab.id, contentVersion: 'v1', transcript }, deps)).toMatchObject({ ok: false, error: expect.stringContaining('Too many') });
  }, 60_000);
});

it('cuts off a transcript that takes too long, with a clear error, and keeps serving', async () => {
  const slow = new GradingPool({ size: 1, timeoutMs: 300 });
  try {
    const s = await startLab(lab, Date.UTC(2026, 0, 5, 9));
    const acts = Array.from({ length: 5000 }, (_, i) => ({ t: s.nowMs() + i, kind: 'line' as const, line: 'kubectl get pods -A -o yaml' }));
    const heavy: Transcript = { ...s.transcript(), acts };
    const r = await slow.grade(lab, heavy, 'en');
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('cut off') });
    const { transcript } = await transcriptOf(['kubectl create namespace team-a']);
    const again = await new GradingPool({ size: 1, timeoutMs: 20_000 }).grade(lab, transcript, 'en');
    expect(again.ok).toBe(true);
  } finally {
    await slow.close();
  }
}, 60_000);
