// Derives prisma/postgres/schema.prisma from prisma/schema.prisma. Prisma fixes the
// provider per schema file, so the PostgreSQL copy differs only in `provider` and the
// client's output folder. `--check` exits non-zero when the committed copy is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sqliteSchemaPath = path.join(root, 'prisma/schema.prisma');
export const postgresSchemaPath = path.join(root, 'prisma/postgres/schema.prisma');

const HEADER = '// GENERATED from prisma/schema.prisma by `npm run db:schemas`. Do not edit.\n';

export function derivePostgresSchema(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output       = "./generated/sqlite"', 'output       = "../generated/postgres"');
  if (replaced.includes('"sqlite"') || !replaced.includes('../generated/postgres')) {
    throw new Error('prisma/schema.prisma: could not find the sqlite provider or client output line');
  }
  return HEADER + replaced;
}

export function isPostgresSchemaCurrent(): boolean {
  const expected = derivePostgresSchema(readFileSync(sqliteSchemaPath, 'utf8'));
  return readFileSync(postgresSchemaPath, 'utf8') === expected;
}

function main(): void {
  if (process.argv.includes('--check')) {
    if (!isPostgresSchemaCurrent()) {
      console.error('prisma/postgres/schema.prisma is stale: run `npm run db:schemas`.');
      process.exit(1);
    }
    return;
  }
  writeFileSync(postgresSchemaPath, derivePostgresSchema(readFileSync(sqliteSchemaPath, 'utf8')));
  console.log('wrote prisma/postgres/schema.prisma');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
