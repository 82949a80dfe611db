// `npm start`: the one command that takes a fresh clone to a running site.
// Migrates the database (SQLite file by default), seeds demo accounts, builds the app
// if the build is missing or older than the sources, then serves it.
//   --dev         run `next dev` instead of building
//   --no-build    serve the existing build as is (CI builds once, then runs e2e)
//   --port N      default $PORT or 3000
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDatabaseTarget } from '../app/_lib/db/database-url';
import { createDb } from '../app/_lib/db/client';
import { pruneLoginAttempts } from '../app/_lib/auth/rate-limit';
import { migrateDatabase } from './db/migrate';
import { seedDemoData } from './db/seed';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? '3000');
const nextBin = path.join(root, 'node_modules', '.bin', 'next');

process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === 'generated' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function isBuildStale(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const sources = ['app', 'content', 'lab-engine', 'prisma/schema.prisma', 'next.config.js', 'postcss.config.js', 'package-lock.json'];
  return Math.max(...sources.map((s) => newestMtime(path.join(root, s)))) > statSync(buildId).mtimeMs;
}

async function prepareDatabase(): Promise<void> {
  const target = resolveDatabaseTarget();
  const applied = await migrateDatabase();
  const where = target.provider === 'sqlite' ? path.relative(root, target.filePath) : 'PostgreSQL';
  console.log(applied.length ? `▸ database ${where}: applied ${applied.join(', ')}` : `▸ database ${where}: up to date`);
  const db = createDb();
  try {
    const { created } = await seedDemoData(db);
    if (created.length) console.log(`▸ demo data: ${created.join(', ')} (password: kubelab-demo)`);
    await pruneLoginAttempts(db);
  } finally {
    await db.$disconnect();
  }
}

function run(command: string, commandArgs: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env: process.env });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  await prepareDatabase();
  if (flag('--dev')) process.exit(await run(nextBin, ['dev', '-p', port]));
  if (!flag('--no-build') && isBuildStale()) {
    console.log('▸ building the app (first start, or sources changed)…');
    // Type errors are `npm test`'s business; starting the site should not depend on them.
    const env = { ...process.env, KUBELAB_SKIP_BUILD_TYPECHECK: '1' };
    const build = spawnSync(nextBin, ['build'], { cwd: root, stdio: 'inherit', env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  console.log(`▸ KubeLab on http://localhost:${port}`);
  process.exit(await run(nextBin, ['start', '-p', port]));
}

main().catch((error: unknown) => {
  console.error('start failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
