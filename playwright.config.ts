import { defineConfig, devices } from '@playwright/test';

// End-to-end journeys in Debian's Chromium (Playwright cannot download browsers here).
// The server is the production build (`next build` runs first in `npm test`) on a fresh
// SQLite database, started exactly as `npm start` does: migrate, seed, serve.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: {
    command: `rm -rf tmp/e2e && node_modules/.bin/tsx scripts/start.ts --no-build --port ${port}`,
    url: `${baseURL}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    env: { DATABASE_URL: 'file:./tmp/e2e/kubelab.db', NEXTAUTH_URL: baseURL, NEXT_TELEMETRY_DISABLED: '1' },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
