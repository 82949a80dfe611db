// Runs a data-layer suite against a real SQLite file and, when TEST_DATABASE_URL is
// set (CI sets it), against a real PostgreSQL server in a throwaway database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDb, type Db } from '@/app/_lib/db/client';
import { migrateDatabase } from '@/scripts/db/migrate';

process.env.BCRYPT_COST ??= '4'; // fast hashes in tests; the algorithm is the same

export type TestDatabase = { provider: 'sqlite' | 'postgresql'; url: string; db: Db };

async function createSqlite(): Promise<{ url: string; drop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubelab-test-'));
  return { url: `file:${path.join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function createPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kubelab_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

const providers = [
  { provider: 'sqlite' as const, enabled: true },
  { provider: 'postgresql' as const, enabled: Boolean(process.env.TEST_DATABASE_URL) },
];

if (!process.env.TEST_DATABASE_URL) {
  console.warn('[tests/db] TEST_DATABASE_URL is not set: PostgreSQL suites are skipped (SQLite suites run).');
}

/** `describe` once per database provider, with a freshly migrated database. */
export function describeEachDatabase(name: string, suite: (get: () => TestDatabase) => void): void {
  for (const { provider, enabled } of providers) {
    (enabled ? describe : describe.skip)(`${name} [${provider}]`, () => {
      let current: TestDatabase | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const created = provider === 'sqlite' ? await createSqlite() : await createPostgres(process.env.TEST_DATABASE_URL!);
        drop = created.drop;
        await migrateDatabase(created.url);
        current = { provider, url: created.url, db: createDb(created.url) };
      }, 60_000);
      afterAll(async () => {
        await current?.db.$disconnect();
        await drop?.();
      }, 60_000);
      suite(() => {
        if (!current) throw new Error('database not ready');
        return current;
      });
    });
  }
}
