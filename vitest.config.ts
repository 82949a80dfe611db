import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One runner for the whole repository: engine units sit beside the code,
// cross-cutting suites live in tests/. End-to-end (Playwright) is not run here.
export default defineConfig({
  resolve: {
    // The app's `@/…` import alias (tsconfig.json paths).
    alias: { '@/': fileURLToPath(new URL('./', import.meta.url)) },
  },
  test: {
    include: ['lab-engine/**/*.test.ts', 'tests/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/e2e/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
