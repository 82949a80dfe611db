'use server';

import { getDb } from '../db/client';
import { createUserWithPassword } from '../data/users';

export async function signUpAction(input: { name: string; email: string; password: string }): Promise<{ ok: true } | { ok: false; error: string }> {
  const result = await createUserWithPassword(getDb(), input);
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}
