import { z } from 'zod';
import type { Db } from '../db/client';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/password';
import { isSignInRateLimited, recordSignInAttempt } from '../auth/rate-limit';
import { isRole, type Viewer } from '../auth/viewer';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.'));
export const passwordSchema = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(200, 'Use at most 200 characters.');
export const nameSchema = z.string().trim().min(1, 'Enter your name.').max(80, 'Use at most 80 characters.');

export const signUpSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Invalid input.';
}

export function toViewer(user: { id: string; email: string; name: string | null; role: string }): Viewer {
  return { id: user.id, email: user.email, name: user.name, role: isRole(user.role) ? user.role : 'student' };
}

export async function createUserWithPassword(db: Db, input: unknown): Promise<Result<Viewer>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const { name, email, password } = parsed.data;
  if (await db.user.findUnique({ where: { email } })) {
    return { ok: false, error: 'An account with this email already exists. Sign in instead.' };
  }
  const user = await db.user.create({ data: { name, email, passwordHash: await hashPassword(password) } });
  return { ok: true, value: toViewer(user) };
}

export type SignInFailure = 'invalid' | 'rate_limited';

export async function authenticateWithPassword(
  db: Db,
  input: { email?: unknown; password?: unknown },
  ip: string | null,
): Promise<{ ok: true; value: Viewer } | { ok: false; error: SignInFailure }> {
  const email = emailSchema.safeParse(input.email);
  const password = typeof input.password === 'string' ? input.password : '';
  if (!email.success || !password) return { ok: false, error: 'invalid' };
  if (await isSignInRateLimited(db, email.data, ip)) return { ok: false, error: 'rate_limited' };
  const user = await db.user.findUnique({ where: { email: email.data } });
  const valid = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : (await burnPasswordCheck(password), false);
  await recordSignInAttempt(db, email.data, ip, valid);
  return valid && user ? { ok: true, value: toViewer(user) } : { ok: false, error: 'invalid' };
}

export async function getViewerById(db: Db, id: string): Promise<Viewer | null> {
  const user = await db.user.findUnique({ where: { id } });
  return user ? toViewer(user) : null;
}

export async function getAccount(db: Db, viewer: Viewer) {
  return db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { id: true, email: true, name: true, role: true, createdAt: true, passwordHash: true, accounts: { select: { provider: true } } },
  });
}

export async function updateProfile(db: Db, viewer: Viewer, input: unknown): Promise<Result<null>> {
  const parsed = z.object({ name: nameSchema }).safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  await db.user.update({ where: { id: viewer.id }, data: { name: parsed.data.name } });
  return { ok: true, value: null };
}

export async function changePassword(db: Db, viewer: Viewer, input: { current?: unknown; next?: unknown }): Promise<Result<null>> {
  const next = passwordSchema.safeParse(input.next);
  if (!next.success) return { ok: false, error: firstIssue(next.error) };
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.id } });
  if (user.passwordHash) {
    const current = typeof input.current === 'string' ? input.current : '';
    if (!(await verifyPassword(current, user.passwordHash))) return { ok: false, error: 'Your current password is not correct.' };
  }
  await db.user.update({ where: { id: viewer.id }, data: { passwordHash: await hashPassword(next.data) } });
  return { ok: true, value: null };
}

/** Links a GitHub sign-in to a user: by account id, else by (GitHub-verified) email, else a new student. */
export async function upsertOAuthUser(
  db: Db,
  input: { provider: string; providerAccountId: string; email: string; name: string | null; image: string | null },
): Promise<Viewer> {
  const link = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    include: { user: true },
  });
  if (link) return toViewer(link.user);
  const email = input.email.trim().toLowerCase();
  const user = await db.user.upsert({
    where: { email },
    update: {},
    create: { email, name: input.name, image: input.image, emailVerified: new Date() },
  });
  await db.account.create({
    data: { userId: user.id, type: 'oauth', provider: input.provider, providerAccountId: input.providerAccountId },
  });
  return toViewer(user);
}
