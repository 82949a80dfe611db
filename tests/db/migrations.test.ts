import { expect, it } from 'vitest';
import { isPostgresSchemaCurrent } from '@/scripts/db/schemas';
import { migrateDatabase } from '@/scripts/db/migrate';
import { describeEachDatabase } from './harness';

it('prisma/postgres/schema.prisma is derived from prisma/schema.prisma (run `npm run db:schemas`)', () => {
  expect(isPostgresSchemaCurrent()).toBe(true);
});

describeEachDatabase('migrations', (get) => {
  it('records applied migrations as `prisma migrate deploy` does, and re-running applies nothing', async () => {
    const { db, url } = get();
    // Runs before this file's client opens its connection (the app, too, migrates before serving).
    expect(await migrateDatabase(url)).toEqual([]);
    const rows = await db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>(
      'SELECT migration_name, finished_at FROM _prisma_migrations',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it('stores and reads JSON transcripts the same way on both providers', async () => {
    const { db } = get();
    const user = await db.user.create({ data: { email: `json-${Date.now()}@example.test` } });
    const transcript = [{ atMs: 0, kind: 'command', line: 'kubectl get pods' }, { atMs: 1200, kind: 'interrupt' }];
    const session = await db.labSession.create({
      data: { userId: user.id, labId: 'scale-a-deployment', contentVersion: 'abc123', seed: 42, transcript },
    });
    const read = await db.labSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(read.transcript).toEqual(transcript);
    expect(read.status).toBe('active');
  });
});
