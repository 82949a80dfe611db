import path from 'node:path';
import { expect, it } from 'vitest';
import { loadCourse } from '@/app/_lib/content';
import { getDashboard, streakFromDays } from '@/app/_lib/data/dashboard';
import { enrollInCourse, getEnrollment } from '@/app/_lib/data/enrollments';
import { getCourseProgress, markLessonComplete, recordLessonOpened } from '@/app/_lib/data/progress';
import { getLabSession, getOrCreateLabSession, listLatestTaskResults } from '@/app/_lib/data/lab-sessions';
import { createUserWithPassword } from '@/app/_lib/data/users';
import type { Db } from '@/app/_lib/db/client';
import { describeEachDatabase } from './harness';

// The platform's own sample course: two lessons, the second with a lab.
const course = loadCourse(path.resolve(__dirname, '../../content/courses/kubernetes-first-steps'));
const [firstLesson, secondLesson] = course.modules.flatMap((m) => m.lessons);

async function newStudent(db: Db) {
  const created = await createUserWithPassword(db, { name: 'Learner', email: `l-${Math.random()}@example.test`.replace('0.', ''), password: 'longenough' });
  if (!created.ok) throw new Error(created.error);
  return created.value;
}

it('counts a streak of consecutive active days up to today', () => {
  const today = new Date('2026-11-22T10:00:00Z');
  expect(streakFromDays(new Set(['2026-11-22', '2026-11-21', '2026-11-19']), today)).toBe(2);
  expect(streakFromDays(new Set(['2026-11-21']), today)).toBe(0);
});

describeEachDatabase('enrollment and progress', (get) => {
  it('enrolls once, records the content version, and ignores lesson opens before enrolling', async () => {
    const { db } = get();
    const student = await newStudent(db);
    expect(await recordLessonOpened(db, student, course.id, firstLesson.id)).toBe(false);
    await enrollInCourse(db, student, course);
    await enrollInCourse(db, student, course);
    const enrollment = await getEnrollment(db, student, course.id);
    expect(enrollment?.contentVersion).toBe(course.contentVersion);
    expect(await db.enrollment.count({ where: { userId: student.id } })).toBe(1);
  });

  it('tracks opened and completed lessons into the course percentage and the dashboard', async () => {
    const { db } = get();
    const student = await newStudent(db);
    await enrollInCourse(db, student, course);
    expect(await recordLessonOpened(db, student, course.id, firstLesson.id)).toBe(true);
    expect((await getCourseProgress(db, student.id, course)).lessonStates[firstLesson.id]).toBe('opened');
    await markLessonComplete(db, student, course.id, firstLesson.id);
    await recordLessonOpened(db, student, course.id, secondLesson.id);
    const progress = await getCourseProgress(db, student.id, course);
    expect(progress).toMatchObject({ completed: 1, total: 2, percent: 50 });
    expect(progress.lessonStates).toEqual({ [firstLesson.id]: 'completed', [secondLesson.id]: 'opened' });

    const dashboard = await getDashboard(db, student, [course]);
    expect(dashboard.courses).toHaveLength(1);
    expect(dashboard.courses[0]).toMatchObject({ lastLessonId: secondLesson.id, progress: { percent: 50 } });
    expect(dashboard.streakDays).toBe(1);
    expect(dashboard.recent[0].type).toBe('lesson.opened');
  });

  it("keeps one lab session per learner and lab, and reads each task's latest attempt", async () => {
    const { db } = get();
    const student = await newStudent(db);
    const input = { labId: 'scale-a-deployment', contentVersion: course.contentVersion, seed: 7 };
    const session = await getOrCreateLabSession(db, student, input);
    expect((await getOrCreateLabSession(db, student, { ...input, seed: 99 })).id).toBe(session.id);
    await db.taskResult.createMany({
      data: [
        { sessionId: session.id, userId: student.id, labId: input.labId, taskId: 'scaled', passed: false, message: 'expected 4 ready replicas, found 2', attempt: 1 },
        { sessionId: session.id, userId: student.id, labId: input.labId, taskId: 'scaled', passed: true, message: 'ok', attempt: 2 },
      ],
    });
    await expect(
      db.taskResult.create({
        data: { sessionId: session.id, userId: student.id, labId: input.labId, taskId: 'scaled', passed: true, message: 'dup', attempt: 2 },
      }),
    ).rejects.toThrow();
    expect(await listLatestTaskResults(db, student, input.labId)).toMatchObject([{ taskId: 'scaled', attempt: 2, passed: true }]);
    const other = await newStudent(db);
    expect(await getLabSession(db, other, input.labId)).toBeNull();
  });
});
