import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // These rules exist for the React Compiler, which this app does not enable. The
    // classic hook rules (rules-of-hooks, exhaustive-deps) stay errors.
    rules: {
      'react-hooks/refs': 'warn',
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/immutability': 'warn',
    },
  },
  // lab-engine/ has its own rules (determinism bans, as a test) owned by its package.
  globalIgnores(['.next/**', 'node_modules/**', 'prisma/generated/**', 'lab-engine/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'tmp/**']),
]);
