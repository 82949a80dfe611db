// Applies prisma/migrations (or prisma/postgres/migrations) to the configured database,
// exactly as `prisma migrate deploy` would (same folders, same _prisma_migrations
// table), but through the WebAssembly schema engine so it works without internet.
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { resolveDatabaseTarget, type DatabaseTarget } from '../../app/_lib/db/database-url';
import { openSchemaEngine } from './schema-engine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NO_FILTERS = { externalTables: [], externalEnums: [] };

export function prismaPaths(provider: DatabaseTarget['provider']) {
  const dir = provider === 'sqlite' ? path.join(root, 'prisma') : path.join(root, 'prisma/postgres');
  return { schemaPath: path.join(dir, 'schema.prisma'), migrationsDir: path.join(dir, 'migrations') };
}

export function adapterFactoryFor(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  if (target.provider === 'sqlite') {
    mkdirSync(path.dirname(target.filePath), { recursive: true });
    return new PrismaBetterSqlite3({ url: target.url });
  }
  return new PrismaPg({ connectionString: target.url });
}

export function readMigrationList(migrationsDir: string): MigrationList {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const names = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** Applies pending migrations; returns the names of those applied now. */
export async function migrateDatabase(url?: string): Promise<string[]> {
  const target = resolveDatabaseTarget(url);
  try {
    return await applyPending(target);
  } catch (error) {
    // Like `prisma migrate deploy`, the engine locks an SQLite file exclusively, which fails
    // (after the busy timeout) while another process (a running KubeLab) has it open.
    if (target.provider === 'sqlite' && /SocketTimeout|database is locked|SQLITE_BUSY/.test(String(error))) {
      throw new Error(`${target.filePath} is in use by another process (is KubeLab already running?). Stop it and retry.`);
    }
    throw error;
  }
}

async function applyPending(target: DatabaseTarget): Promise<string[]> {
  const { schemaPath, migrationsDir } = prismaPaths(target.provider);
  const adapterFactory = adapterFactoryFor(target);
  // Before the engine connects: switching to WAL needs the only connection to the file.
  if (target.provider === 'sqlite') enableWriteAheadLog(target.filePath);
  const { engine, close } = await openSchemaEngine(adapterFactory, {
    path: schemaPath,
    content: readFileSync(schemaPath, 'utf8'),
  });
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrationList(migrationsDir),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}

// WAL lets readers proceed while one request writes; the setting is stored in the file.
function enableWriteAheadLog(filePath: string): void {
  const db = new Database(filePath);
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const target = resolveDatabaseTarget();
  const applied = await migrateDatabase();
  const where = target.provider === 'sqlite' ? target.filePath : 'PostgreSQL';
  console.log(applied.length ? `migrated ${where}: ${applied.join(', ')}` : `database ${where} is up to date`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('migration failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
