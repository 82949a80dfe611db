import { expect, it } from 'vitest';
import { authenticateWithPassword, changePassword, createUserWithPassword, upsertOAuthUser } from '@/app/_lib/data/users';
import { MAX_FAILURES_PER_EMAIL } from '@/app/_lib/auth/rate-limit';
import { getAuthSecret } from '@/app/_lib/auth/secret';
import { describeEachDatabase } from './harness';

let n = 0;
const email = () => `user${++n}-${Date.now()}@example.test`;

describeEachDatabase('accounts', (get) => {
  it('creates a student with a bcrypt hash, never the clear password', async () => {
    const { db } = get();
    const address = email();
    const result = await createUserWithPassword(db, { name: 'Ada', email: address.toUpperCase(), password: 'correct horse' });
    expect(result.ok).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { email: address } });
    expect(row.role).toBe('student');
    expect(row.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(row.passwordHash).not.toContain('correct horse');
  });

  it('rejects bad input and duplicate emails with messages a person can act on', async () => {
    const { db } = get();
    expect(await createUserWithPassword(db, { name: 'A', email: 'not-an-email', password: 'longenough' })).toEqual({
      ok: false,
      error: 'Enter a valid email address.',
    });
    expect(await createUserWithPassword(db, { name: 'A', email: email(), password: 'short' })).toEqual({
      ok: false,
      error: 'Use at least 8 characters.',
    });
    const address = email();
    await createUserWithPassword(db, { name: 'A', email: address, password: 'longenough' });
    const again = await createUserWithPassword(db, { name: 'B', email: address, password: 'longenough' });
    expect(again).toMatchObject({ ok: false, error: expect.stringContaining('already exists') });
  });

  it('signs in with the right password only', async () => {
    const { db } = get();
    const address = email();
    await createUserWithPassword(db, { name: 'Grace', email: address, password: 'right password' });
    expect(await authenticateWithPassword(db, { email: address, password: 'right password' }, '10.0.0.1')).toMatchObject({
      ok: true,
      value: { email: address, role: 'student' },
    });
    expect(await authenticateWithPassword(db, { email: address, password: 'wrong password' }, '10.0.0.1')).toEqual({ ok: false, error: 'invalid' });
    expect(await authenticateWithPassword(db, { email: 'nobody@example.test', password: 'x' }, null)).toEqual({ ok: false, error: 'invalid' });
  });

  it('rate-limits an address after repeated failures, even for the right password', async () => {
    const { db } = get();
    const address = email();
    await createUserWithPassword(db, { name: 'Eve', email: address, password: 'right password' });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect(await authenticateWithPassword(db, { email: address, password: `guess ${i}` }, '10.0.0.2')).toEqual({ ok: false, error: 'invalid' });
    }
    expect(await authenticateWithPassword(db, { email: address, password: 'right password' }, '10.0.0.2')).toEqual({
      ok: false,
      error: 'rate_limited',
    });
  });

  it('changes a password only with the current one', async () => {
    const { db } = get();
    const address = email();
    const created = await createUserWithPassword(db, { name: 'Lin', email: address, password: 'first password' });
    if (!created.ok) throw new Error(created.error);
    expect(await changePassword(db, created.value, { current: 'nope', next: 'second password' })).toMatchObject({ ok: false });
    expect(await changePassword(db, created.value, { current: 'first password', next: 'second password' })).toEqual({ ok: true, value: null });
    expect((await authenticateWithPassword(db, { email: address, password: 'second password' }, null)).ok).toBe(true);
  });

  it('links a GitHub sign-in to the account with the same email, once', async () => {
    const { db } = get();
    const address = email();
    const created = await createUserWithPassword(db, { name: 'Octo', email: address, password: 'longenough' });
    if (!created.ok) throw new Error(created.error);
    const input = { provider: 'github', providerAccountId: `gh-${n}`, email: address, name: 'Octo', image: null };
    expect((await upsertOAuthUser(db, input)).id).toBe(created.value.id);
    expect((await upsertOAuthUser(db, input)).id).toBe(created.value.id);
    expect(await db.account.count({ where: { userId: created.value.id } })).toBe(1);
  });

  it('generates one auth secret and keeps it, so sessions survive restarts', async () => {
    const { db } = get();
    const saved = process.env.NEXTAUTH_SECRET;
    delete process.env.NEXTAUTH_SECRET;
    try {
      const first = await getAuthSecret(db);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(await getAuthSecret(db)).toBe(first);
    } finally {
      if (saved !== undefined) process.env.NEXTAUTH_SECRET = saved;
    }
  });
});
