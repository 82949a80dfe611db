import type { Db } from '../db/client';
import type { Viewer } from '../auth/viewer';

// Lab sessions: one per learner and lab. The lab component (a later issue) resumes a
// session by replaying its transcript; grading writes go through server actions.

export async function getLabSession(db: Db, viewer: Viewer, labId: string) {
  return db.labSession.findUnique({ where: { userId_labId: { userId: viewer.id, labId } } });
}

export async function getOrCreateLabSession(
  db: Db,
  viewer: Viewer,
  input: { labId: string; contentVersion: string; seed: number; courseId?: string; lessonId?: string },
) {
  return db.labSession.upsert({
    where: { userId_labId: { userId: viewer.id, labId: input.labId } },
    update: {},
    create: { userId: viewer.id, transcript: [], ...input },
  });
}

/** Latest result per task of the viewer's session for a lab. */
export async function listLatestTaskResults(db: Db, viewer: Viewer, labId: string) {
  const rows = await db.taskResult.findMany({
    where: { userId: viewer.id, labId },
    orderBy: [{ taskId: 'asc' }, { attempt: 'desc' }],
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.taskId)) latest.set(r.taskId, r);
  return [...latest.values()];
}
