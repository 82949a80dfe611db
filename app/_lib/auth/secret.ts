import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';

const KEY = 'auth.secret';

// NEXTAUTH_SECRET wins. Otherwise a random secret is generated once and kept in the
// database, so JWT sessions survive restarts and are valid on every instance.
export async function getAuthSecret(db: Db): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const existing = await db.appSetting.findUnique({ where: { key: KEY } });
  if (existing) return existing.value;
  const value = randomBytes(32).toString('base64url');
  try {
    await db.appSetting.create({ data: { key: KEY, value } });
    return value;
  } catch {
    // Another instance created it first: use theirs.
    const row = await db.appSetting.findUniqueOrThrow({ where: { key: KEY } });
    return row.value;
  }
}
