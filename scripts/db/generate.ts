// Generates both Prisma clients (SQLite and PostgreSQL) offline. `prisma generate`
// does not use the schema engine, but the CLI looks for its binary first; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops it trying to download one.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const prisma = path.join(root, 'node_modules', '.bin', 'prisma');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};

for (const config of ['prisma.config.ts', 'prisma/postgres/prisma.config.ts']) {
  execFileSync(prisma, ['generate', '--config', config], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
}
console.log('generated Prisma clients: prisma/generated/{sqlite,postgres}');
