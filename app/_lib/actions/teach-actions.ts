'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '../db/client';
import { createClass } from '../data/classes';
import { AuthorizationError } from '../auth/viewer';
import { requireViewer } from '../session';
import type { FormState } from './form-state';

export async function createClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer('/teach');
  try {
    const courseId = String(form.get('courseId') ?? '') || undefined;
    const result = await createClass(getDb(), viewer, { name: form.get('name'), courseId });
    if (!result.ok) return { ok: false, message: result.error };
    revalidatePath('/teach');
    return { ok: true, message: `Class created. Join code: ${result.value.code}` };
  } catch (error) {
    if (error instanceof AuthorizationError) return { ok: false, message: error.message };
    throw error;
  }
}
