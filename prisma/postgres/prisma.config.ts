// Prisma CLI configuration for PostgreSQL deployments, e.g. where the native engine
// is available: `npx prisma migrate deploy --config prisma/postgres/prisma.config.ts`.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: './schema.prisma',
  migrations: { path: './migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
