import type { Db } from '../db/client';
import type { Viewer } from '../auth/viewer';
import type { Course } from '../content/types';

export type LessonState = 'not-started' | 'opened' | 'completed';

export type CourseProgress = {
  courseId: string;
  lessonStates: Record<string, LessonState>;
  completed: number;
  total: number;
  percent: number;
};

/** Records that a learner opened a lesson of a course they are enrolled in. */
export async function recordLessonOpened(db: Db, viewer: Viewer, courseId: string, lessonId: string): Promise<boolean> {
  const now = new Date();
  const enrollment = await db.enrollment.findUnique({ where: { userId_courseId: { userId: viewer.id, courseId } } });
  if (!enrollment) return false;
  await db.$transaction([
    db.lessonProgress.upsert({
      where: { userId_courseId_lessonId: { userId: viewer.id, courseId, lessonId } },
      update: { lastOpenedAt: now },
      create: { userId: viewer.id, courseId, lessonId, firstOpenedAt: now, lastOpenedAt: now },
    }),
    db.enrollment.update({ where: { id: enrollment.id }, data: { lastLessonId: lessonId, lastActiveAt: now } }),
    db.activityEvent.create({ data: { userId: viewer.id, type: 'lesson.opened', courseId, lessonId } }),
  ]);
  return true;
}

export async function markLessonComplete(db: Db, viewer: Viewer, courseId: string, lessonId: string): Promise<boolean> {
  const opened = await recordLessonOpened(db, viewer, courseId, lessonId);
  if (!opened) return false;
  const now = new Date();
  await db.$transaction([
    db.lessonProgress.update({
      where: { userId_courseId_lessonId: { userId: viewer.id, courseId, lessonId } },
      data: { completedAt: now },
    }),
    db.activityEvent.create({ data: { userId: viewer.id, type: 'lesson.completed', courseId, lessonId } }),
  ]);
  return true;
}

export function summariseProgress(
  course: Pick<Course, 'id' | 'modules'>,
  rows: { lessonId: string; completedAt: Date | null }[],
): CourseProgress {
  const byLesson = new Map(rows.map((r) => [r.lessonId, r]));
  const lessonIds = course.modules.flatMap((m) => m.lessons.map((l) => l.id));
  const lessonStates: Record<string, LessonState> = {};
  for (const id of lessonIds) {
    const row = byLesson.get(id);
    lessonStates[id] = !row ? 'not-started' : row.completedAt ? 'completed' : 'opened';
  }
  const completed = lessonIds.filter((id) => lessonStates[id] === 'completed').length;
  const total = lessonIds.length;
  return { courseId: course.id, lessonStates, completed, total, percent: total ? Math.round((completed / total) * 100) : 0 };
}

export async function getCourseProgress(db: Db, userId: string, course: Pick<Course, 'id' | 'modules'>): Promise<CourseProgress> {
  const rows = await db.lessonProgress.findMany({
    where: { userId, courseId: course.id },
    select: { lessonId: true, completedAt: true },
  });
  return summariseProgress(course, rows);
}
