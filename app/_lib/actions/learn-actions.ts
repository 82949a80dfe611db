'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getCourse } from '../content';
import { getDb } from '../db/client';
import { enrollInCourse } from '../data/enrollments';
import { markLessonComplete } from '../data/progress';
import { requireViewer } from '../session';

export async function enrollAction(courseId: string): Promise<void> {
  const viewer = await requireViewer(`/courses/${courseId}`);
  const course = getCourse(courseId);
  if (!course) throw new Error(`unknown course ${courseId}`);
  await enrollInCourse(getDb(), viewer, course);
  revalidatePath(`/courses/${courseId}`);
  redirect(`/courses/${courseId}`);
}

export async function markLessonCompleteAction(courseId: string, lessonId: string): Promise<void> {
  const viewer = await requireViewer(`/courses/${courseId}/${lessonId}`);
  await markLessonComplete(getDb(), viewer, courseId, lessonId);
  revalidatePath(`/courses/${courseId}`);
  revalidatePath(`/courses/${courseId}/${lessonId}`);
}
