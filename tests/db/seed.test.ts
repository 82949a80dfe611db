import { expect, it } from 'vitest';
import { authenticateWithPassword } from '@/app/_lib/data/users';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from '@/scripts/db/seed';
import { describeEachDatabase } from './harness';

describeEachDatabase('demo seed', (get) => {
  it('creates the README demo accounts once, and can run again safely', async () => {
    const { db } = get();
    const first = await seedDemoData(db);
    expect(first.created).toHaveLength(DEMO_USERS.length + 1);
    expect((await seedDemoData(db)).created).toEqual([]);
    for (const u of DEMO_USERS) {
      const result = await authenticateWithPassword(db, { email: u.email, password: DEMO_PASSWORD }, null);
      expect(result).toMatchObject({ ok: true, value: { role: u.role } });
    }
  });
});
