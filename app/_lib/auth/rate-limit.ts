import type { Db } from '../db/client';

// Failed sign-ins are counted in the database, so the limit holds across several
// web instances. Per address: 5 failures in 15 minutes; per client IP: 30.
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export function signInKeys(email: string, ip: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

export async function isSignInRateLimited(db: Db, email: string, ip: string | null, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [emailKey, ipKey] = signInKeys(email, ip);
  const emailFailures = await db.loginAttempt.count({ where: { key: emailKey, success: false, createdAt: { gte: since } } });
  if (emailFailures >= MAX_FAILURES_PER_EMAIL) return true;
  if (!ipKey) return false;
  const ipFailures = await db.loginAttempt.count({ where: { key: ipKey, success: false, createdAt: { gte: since } } });
  return ipFailures >= MAX_FAILURES_PER_IP;
}

export async function recordSignInAttempt(db: Db, email: string, ip: string | null, success: boolean): Promise<void> {
  const keys = signInKeys(email, ip);
  await db.loginAttempt.createMany({ data: keys.map((key) => ({ key, success })) });
  if (success) {
    // A successful sign-in clears the address's failures.
    await db.loginAttempt.deleteMany({ where: { key: keys[0], success: false } });
  }
}

/** Old rows are useless for limiting; the start script trims them. */
export async function pruneLoginAttempts(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
  });
  return count;
}
