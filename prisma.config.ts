// Configuration for the Prisma CLI (`prisma generate`, and `prisma migrate deploy`
// where Prisma's native engine can be downloaded). The app itself migrates through
// scripts/db/migrate.ts, which needs no download. PostgreSQL: prisma/postgres/prisma.config.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/kubelab.db' },
});
