// One Prisma client per process. Prisma fixes the provider per generated client, so
// there are two clients generated from the same model (prisma/schema.prisma and its
// derived PostgreSQL copy); their query APIs are identical, and the app is typed
// against the SQLite one.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/prisma/generated/sqlite/client';
import { PrismaClient as PostgresPrismaClient } from '@/prisma/generated/postgres/client';
import { resolveDatabaseTarget } from './database-url';

export type Db = PrismaClient;
export type { Role, LabSessionStatus } from '@/prisma/generated/sqlite/enums';

export function createDb(url?: string): Db {
  const target = resolveDatabaseTarget(url);
  if (target.provider === 'sqlite') {
    // busy timeout: several requests may write at once; WAL is set by the migration step.
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.url, timeout: 5000 }) });
  }
  const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PostgresPrismaClient({ adapter }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { kubelabDb?: Db };

/** The process-wide client (kept across hot reloads in development). */
export function getDb(): Db {
  globalForDb.kubelabDb ??= createDb();
  return globalForDb.kubelabDb;
}
