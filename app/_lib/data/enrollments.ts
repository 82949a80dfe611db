import type { Db } from '../db/client';
import type { Viewer } from '../auth/viewer';
import type { Course } from '../content/types';

export async function enrollInCourse(db: Db, viewer: Viewer, course: Pick<Course, 'id' | 'contentVersion'>) {
  const enrollment = await db.enrollment.upsert({
    where: { userId_courseId: { userId: viewer.id, courseId: course.id } },
    update: {},
    create: { userId: viewer.id, courseId: course.id, contentVersion: course.contentVersion },
  });
  await db.activityEvent.create({ data: { userId: viewer.id, type: 'course.enrolled', courseId: course.id } });
  return enrollment;
}

export async function getEnrollment(db: Db, viewer: Viewer, courseId: string) {
  return db.enrollment.findUnique({ where: { userId_courseId: { userId: viewer.id, courseId } } });
}

export async function listEnrollments(db: Db, viewer: Viewer) {
  return db.enrollment.findMany({ where: { userId: viewer.id }, orderBy: { lastActiveAt: 'desc' } });
}
