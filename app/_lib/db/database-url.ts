import path from 'node:path';

// SQLite is the embedded default; a postgres:// or postgresql:// DATABASE_URL
// switches the whole app (client, migrations) to PostgreSQL.
export type DatabaseTarget =
  | { provider: 'sqlite'; url: string; filePath: string }
  | { provider: 'postgresql'; url: string };

export const DEFAULT_SQLITE_PATH = path.join('data', 'kubelab.db');

export function resolveDatabaseTarget(url = process.env.DATABASE_URL): DatabaseTarget {
  if (!url) return sqliteTarget(path.resolve(/*turbopackIgnore: true*/ process.cwd(), DEFAULT_SQLITE_PATH));
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgresql', url };
  if (url.startsWith('file:')) {
    return sqliteTarget(path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice('file:'.length)));
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(':')[0]}:…"`,
  );
}

function sqliteTarget(filePath: string): DatabaseTarget {
  return { provider: 'sqlite', url: `file:${filePath}`, filePath };
}
