'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '../db/client';
import { joinClassByCode } from '../data/classes';
import { changePassword, updateProfile } from '../data/users';
import { requireViewer } from '../session';
import type { FormState } from './form-state';

export async function updateProfileAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer('/account');
  const result = await updateProfile(getDb(), viewer, { name: form.get('name') });
  if (!result.ok) return { ok: false, message: result.error };
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Saved.' };
}

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer('/account');
  const result = await changePassword(getDb(), viewer, { current: form.get('current'), next: form.get('next') });
  return result.ok ? { ok: true, message: 'Password changed.' } : { ok: false, message: result.error };
}

export async function joinClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer('/account');
  const result = await joinClassByCode(getDb(), viewer, String(form.get('code') ?? ''));
  if (!result.ok) return { ok: false, message: result.error };
  revalidatePath('/account');
  return { ok: true, message: `You joined ${result.value.name}.` };
}
