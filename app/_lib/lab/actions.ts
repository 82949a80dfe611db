'use server';
import { getDb } from '../db/client';
import { getViewer } from '../session';
import { listCourses, listLessons } from '../content';
import { markLessonComplete } from '../data/progress';
import { getGradingPool } from './grading-pool';
import { getLab } from './labs';
import { gradeSubmission, saveSubmission, type Submission, type SubmissionResult } from './grade-submission';

/**
 * Check: replay and grade on the server, record the attempt. Authorization next
 * to the data. A lab whose every task passes completes the lesson it belongs to
 * (in courses the learner is enrolled in).
 */
export async function checkLabAction(input: Submission): Promise<SubmissionResult> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, error: 'Sign in to record your progress.' };
  const pool = getGradingPool();
  const db = getDb();
  const result = await gradeSubmission(db, viewer, input, { getLab, grade: (lab, t, locale) => pool.grade(lab, t, locale), now: () => new Date() });
  if (result.ok && result.results.every((r) => r.passed)) {
    for (const course of listCourses()) {
      for (const lesson of listLessons(course)) if (lesson.labId === input.labId) await markLessonComplete(db, viewer, course.id, lesson.id);
    }
  }
  return result;
}

/** Continuous save of the learner's session (resume on another device). */
export async function saveLabSessionAction(input: Submission): Promise<{ ok: boolean; error?: string }> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, error: 'Not signed in.' };
  return saveSubmission(getDb(), viewer, input, getLab);
}
