import { expect, it } from 'vitest';
import { createClass, getClassRoster, joinClassByCode, listTaughtClasses, normaliseClassCode } from '@/app/_lib/data/classes';
import { AuthorizationError, type Role, type Viewer } from '@/app/_lib/auth/viewer';
import type { Db } from '@/app/_lib/db/client';
import { describeEachDatabase } from './harness';

async function newUser(db: Db, role: Role): Promise<Viewer> {
  const user = await db.user.create({ data: { email: `${role}-${Math.random().toString(36).slice(2)}@example.test`, name: role, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

it('normalises codes typed in lower case or without the dash', () => {
  expect(normaliseClassCode('abcd2345')).toBe('ABCD-2345');
  expect(normaliseClassCode(' abcd-2345 ')).toBe('ABCD-2345');
});

describeEachDatabase('classes and authorization', (get) => {
  it('lets instructors create classes and refuses students, at the data layer', async () => {
    const { db } = get();
    const student = await newUser(db, 'student');
    await expect(createClass(db, student, { name: 'Sneaky' })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(listTaughtClasses(db, student)).rejects.toBeInstanceOf(AuthorizationError);
    const instructor = await newUser(db, 'instructor');
    const created = await createClass(db, instructor, { name: 'CKA cohort' });
    expect(created).toMatchObject({ ok: true, value: { code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/) } });
    expect(await createClass(db, instructor, { name: '  ' })).toEqual({ ok: false, error: 'Give the class a name.' });
  });

  it('shows a class to its instructor and admins only', async () => {
    const { db } = get();
    const [owner, otherInstructor, admin, student] = await Promise.all([
      newUser(db, 'instructor'),
      newUser(db, 'instructor'),
      newUser(db, 'admin'),
      newUser(db, 'student'),
    ]);
    const created = await createClass(db, owner, { name: 'Night class' });
    if (!created.ok) throw new Error(created.error);
    expect(await joinClassByCode(db, student, created.value.code.toLowerCase().replace('-', ''))).toEqual({ ok: true, value: { name: 'Night class' } });
    expect(await joinClassByCode(db, student, 'ZZZZ-ZZZZ')).toMatchObject({ ok: false });

    const mine = await listTaughtClasses(db, owner);
    expect(mine.map((c) => c.name)).toEqual(['Night class']);
    expect(mine[0].members.map((m) => m.user.id)).toEqual([student.id]);
    expect((await listTaughtClasses(db, otherInstructor)).map((c) => c.id)).not.toContain(created.value.id);
    expect((await listTaughtClasses(db, admin)).map((c) => c.id)).toContain(created.value.id);

    await expect(getClassRoster(db, otherInstructor, created.value.id)).rejects.toBeInstanceOf(AuthorizationError);
    expect((await getClassRoster(db, admin, created.value.id))?.members).toHaveLength(1);
  });
});
