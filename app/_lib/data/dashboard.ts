import type { Db } from '../db/client';
import type { Viewer } from '../auth/viewer';
import type { Course } from '../content/types';
import { summariseProgress, type CourseProgress } from './progress';

export type DashboardCourse = {
  course: Course;
  progress: CourseProgress;
  lastLessonId: string | null;
  lastActiveAt: Date;
};

export type Dashboard = {
  courses: DashboardCourse[];
  activeDays: number; // distinct days with activity in the last 30
  streakDays: number; // consecutive days up to today (UTC) with activity
  recent: { type: string; courseId: string | null; lessonId: string | null; createdAt: Date }[];
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function streakFromDays(days: Set<string>, today: Date): number {
  let streak = 0;
  for (let t = today.getTime(); days.has(new Date(t).toISOString().slice(0, 10)); t -= DAY_MS) streak++;
  return streak;
}

export async function getDashboard(db: Db, viewer: Viewer, catalogue: Course[], now = new Date()): Promise<Dashboard> {
  const [enrollments, progressRows, events] = await Promise.all([
    db.enrollment.findMany({ where: { userId: viewer.id }, orderBy: { lastActiveAt: 'desc' } }),
    db.lessonProgress.findMany({ where: { userId: viewer.id }, select: { courseId: true, lessonId: true, completedAt: true } }),
    db.activityEvent.findMany({
      where: { userId: viewer.id, createdAt: { gte: new Date(now.getTime() - 30 * DAY_MS) } },
      orderBy: { createdAt: 'desc' },
      select: { type: true, courseId: true, lessonId: true, createdAt: true },
    }),
  ]);
  const courses: DashboardCourse[] = [];
  for (const e of enrollments) {
    const course = catalogue.find((c) => c.id === e.courseId);
    if (!course) continue; // a course removed from content/ keeps its rows but is not shown
    const rows = progressRows.filter((r) => r.courseId === e.courseId);
    courses.push({ course, progress: summariseProgress(course, rows), lastLessonId: e.lastLessonId, lastActiveAt: e.lastActiveAt });
  }
  const days = new Set(events.map((e) => e.createdAt.toISOString().slice(0, 10)));
  return { courses, activeDays: days.size, streakDays: streakFromDays(days, now), recent: events.slice(0, 8) };
}
