'use server';
import { getDb } from '../db/client';
import { getViewer } from '../session';
import { getGradingPool } from './grading-pool';
import { getLab } from './labs';
import { gradeSubmission, saveSubmission, type Submission, type SubmissionResult } from './grade-submission';

/** Check: replay and grade on the server, record the attempt. Authorization next to the data. */
export async function checkLabAction(input: Submission): Promise<SubmissionResult> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, error: 'Sign in to record your progress.' };
  const pool = getGradingPool();
  return gradeSubmission(getDb(), viewer, input, { getLab, grade: (lab, t, locale) => pool.grade(lab, t, locale), now: () => new Date() });
}

/** Continuous save of the learner's session (resume on another device). */
export async function saveLabSessionAction(input: Submission): Promise<{ ok: boolean; error?: string }> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, error: 'Not signed in.' };
  return saveSubmission(getDb(), viewer, input, getLab);
}
