import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // lab-engine/ has its own rules (determinism bans) owned by its package.
  globalIgnores(['.next/**', 'node_modules/**', 'prisma/generated/**', 'lab-engine/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'tmp/**']),
]);
