import { z } from 'zod';
import { canonicalJson, checkTranscript, DEFAULT_REPLAY_LIMITS, type Lab, type Locale, type Transcript } from '@kubelab/lab-engine';
import type { Db } from '../db/client';
import type { Viewer } from '../auth/viewer';
import type { GradeReply } from './grade-worker';
import type { LabEntry } from './labs';

/** Largest transcript accepted over the wire (JSON characters). */
export const MAX_TRANSCRIPT_CHARS = 2 * 1024 * 1024;
/** Checks per learner per minute before we ask them to slow down. */
export const MAX_CHECKS_PER_MINUTE = 20;

export const submissionSchema = z.object({
  labId: z.string().min(1).max(100),
  contentVersion: z.string().min(1).max(64),
  transcript: z.unknown(),
  /** The browser's cluster state hash when it graded; a mismatch with the server's replay means they diverged. */
  clientStateHash: z.string().max(64).optional(),
  locale: z.enum(['en', 'zh']).default('en'),
});

export type Submission = z.input<typeof submissionSchema>;

export type SubmissionResult =
  | { ok: true; cached: boolean; stateHash: string; results: { taskId: string; passed: boolean; message: string }[] }
  | { ok: false; error: string };

export interface GradeDeps {
  getLab(labId: string): LabEntry | undefined;
  grade(lab: Lab, transcript: Transcript, locale: Locale): Promise<GradeReply>;
  now(): Date;
}

/**
 * Authoritative grading: the server replays the learner's transcript against
 * the lab file it holds, grades the resulting state, and stores the session,
 * the attempt and every task's result in one transaction. Nothing the client
 * claims about results is used; a client hash that disagrees with the replay
 * is rejected and nothing is recorded.
 */
export async function gradeSubmission(db: Db, viewer: Viewer, raw: Submission, deps: GradeDeps): Promise<SubmissionResult> {
  const parsed = submissionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'The submission is malformed.' };
  const input = parsed.data;
  const entry = deps.getLab(input.labId);
  if (!entry) return { ok: false, error: `There is no lab "${input.labId}".` };
  if (entry.contentVersion !== input.contentVersion) {
    return { ok: false, error: 'This lab was updated since you started it. Reset the lab to continue with the new version.' };
  }
  const transcript = validTranscript(input.transcript);
  if (typeof transcript === 'string') return { ok: false, error: transcript };

  const since = new Date(deps.now().getTime() - 60_000);
  const recent = await db.taskResult.findMany({ where: { userId: viewer.id, createdAt: { gte: since } }, select: { createdAt: true }, distinct: ['createdAt'] });
  if (recent.length >= MAX_CHECKS_PER_MINUTE) return { ok: false, error: 'Too many checks in a minute. Wait a moment and try again.' };

  const existing = await db.labSession.findUnique({ where: { userId_labId: { userId: viewer.id, labId: entry.lab.id } } });
  if (existing?.stateHash && canonicalJson(existing.transcript) === canonicalJson(transcript)) {
    const latest = await latestResults(db, existing.id);
    if (latest.length === entry.lab.tasks.length) return { ok: true, cached: true, stateHash: existing.stateHash, results: latest };
  }

  const reply = await deps.grade(entry.lab, transcript, input.locale);
  if (!reply.ok) return { ok: false, error: reply.error };
  if (input.clientStateHash && input.clientStateHash !== reply.clusterHash) {
    return { ok: false, error: 'Your lab and the server replay disagree about the cluster state, so this check was not recorded. Reload the page and check again.' };
  }
  await record(db, viewer, entry, transcript, reply);
  return { ok: true, cached: false, stateHash: reply.stateHash, results: reply.results.map(({ taskId, passed, message }) => ({ taskId, passed, message })) };
}

function validTranscript(t: unknown): Transcript | string {
  let size: number;
  try {
    size = JSON.stringify(t).length;
  } catch {
    return 'The transcript cannot be read.';
  }
  if (size > MAX_TRANSCRIPT_CHARS) return `The transcript is too large (${size} characters; the limit is ${MAX_TRANSCRIPT_CHARS}).`;
  try {
    checkTranscript(t as Transcript, DEFAULT_REPLAY_LIMITS);
  } catch (e) {
    return `The transcript was rejected: ${(e as Error).message}.`;
  }
  return t as Transcript;
}

async function record(db: Db, viewer: Viewer, entry: LabEntry, transcript: Transcript, reply: Extract<GradeReply, { ok: true }>): Promise<void> {
  const allPassed = reply.results.every((r) => r.passed);
  await db.$transaction(async (tx) => {
    const session = await tx.labSession.upsert({
      where: { userId_labId: { userId: viewer.id, labId: entry.lab.id } },
      update: { transcript: transcript as object, stateHash: reply.stateHash, contentVersion: entry.contentVersion, status: allPassed ? 'completed' : 'active' },
      create: { userId: viewer.id, labId: entry.lab.id, contentVersion: entry.contentVersion, seed: entry.lab.seed, transcript: transcript as object, stateHash: reply.stateHash, status: allPassed ? 'completed' : 'active' },
    });
    const now = new Date();
    for (const r of reply.results) {
      const last = await tx.taskResult.findFirst({ where: { sessionId: session.id, taskId: r.taskId }, orderBy: { attempt: 'desc' }, select: { attempt: true } });
      await tx.taskResult.create({ data: { sessionId: session.id, userId: viewer.id, labId: entry.lab.id, taskId: r.taskId, passed: r.passed, message: r.message, attempt: (last?.attempt ?? 0) + 1, createdAt: now } });
    }
    await tx.activityEvent.create({ data: { userId: viewer.id, type: 'lab.checked', labId: entry.lab.id, data: { passed: reply.results.filter((r) => r.passed).map((r) => r.taskId) } } });
  });
}

async function latestResults(db: Db, sessionId: string) {
  const rows = await db.taskResult.findMany({ where: { sessionId }, orderBy: [{ taskId: 'asc' }, { attempt: 'desc' }] });
  const seen = new Map<string, { taskId: string; passed: boolean; message: string }>();
  for (const r of rows) if (!seen.has(r.taskId)) seen.set(r.taskId, { taskId: r.taskId, passed: r.passed, message: r.message });
  return [...seen.values()];
}

/** Saving between checks: store the transcript so another device resumes it; never touches results. */
export async function saveSubmission(db: Db, viewer: Viewer, raw: Submission, getLab: GradeDeps['getLab']): Promise<{ ok: boolean; error?: string }> {
  const parsed = submissionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'The session is malformed.' };
  const entry = getLab(parsed.data.labId);
  if (!entry) return { ok: false, error: `There is no lab "${parsed.data.labId}".` };
  const transcript = validTranscript(parsed.data.transcript);
  if (typeof transcript === 'string') return { ok: false, error: transcript };
  await db.labSession.upsert({
    where: { userId_labId: { userId: viewer.id, labId: entry.lab.id } },
    // A new transcript invalidates the graded hash (idempotency only holds for the graded one).
    update: { transcript: transcript as object, stateHash: null, contentVersion: parsed.data.contentVersion },
    create: { userId: viewer.id, labId: entry.lab.id, contentVersion: parsed.data.contentVersion, seed: entry.lab.seed, transcript: transcript as object },
  });
  return { ok: true };
}
