/**
 * Browser benchmarks for the lab (issue 7), on the production build in Debian's
 * Chromium: navigation → first keystroke accepted (echoed) by the terminal, and
 * keystroke echo latency (keydown → the character rendered in the terminal).
 * Usage: `npm run build && npx tsx scripts/bench-browser.ts` (starts its own server).
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { formatLine, summarize, type BenchLine } from '../lab-engine/sim/bench/stats';

const PORT = 3190;
const URL = `http://localhost:${PORT}/courses/cka-hands-on/fix-a-broken-deployment`;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/sign-in`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

export async function benchBrowser(): Promise<BenchLine[]> {
  const server = spawn('node_modules/.bin/tsx', ['scripts/start.ts', '--no-build', '--port', String(PORT)], {
    env: { ...process.env, DATABASE_URL: 'file:./tmp/bench/kubelab.db', NEXTAUTH_URL: `http://localhost:${PORT}` },
    stdio: 'ignore',
    detached: true,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await waitForServer();
    const ready: number[] = [];
    const booted: number[] = [];
    const echoes: number[] = [];
    for (let round = 0; round < 4; round++) {
      const page = await browser.newPage();
      // Screen-reader mode renders the terminal's rows into the DOM, where the bench can see them.
      await page.addInitScript(() => window.localStorage.setItem('kubelab:screen-reader', '1'));
      const t0 = Date.now();
      await page.goto(URL, { waitUntil: 'commit' });
      const input = page.locator('[data-testid="terminal"] .xterm-helper-textarea');
      await input.waitFor({ state: 'attached', timeout: 60_000 });
      await input.focus();
      await page.keyboard.type('k');
      const tree = page.locator('[data-testid="terminal"] .xterm-accessibility-tree');
      await tree.filter({ hasText: /(Starting the cluster…|controlplane:~\$) k/ }).waitFor({ timeout: 60_000 });
      ready.push(Date.now() - t0);
      await tree.filter({ hasText: 'controlplane:~$ k' }).waitFor({ timeout: 60_000 });
      booted.push(Date.now() - t0);
      echoes.push(...(await measureEcho(page)));
      await page.close();
    }
    const r = summarize(ready.slice(1));
    const e = summarize(echoes);
    return [
      { name: 'page navigation → first keystroke echoed (median of 3 warm loads)', value: r.p50, unit: 'ms', goal: 1000 },
      { name: 'page navigation → lab ready (prompt, cluster booted and set up)', value: summarize(booted.slice(1)).p50, unit: 'ms' },
      { name: 'keystroke echo p95 (keydown → rendered)', value: e.p95, unit: 'ms', goal: 16, note: `${e.n} keystrokes, p50 ${e.p50.toFixed(1)} ms` },
    ];
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid!);
    } catch {
      server.kill();
    }
  }
}

/** Types 40 characters; the page records keydown time and the time the accessibility tree shows the new text. */
async function measureEcho(page: import('@playwright/test').Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __echo: number[]; __pending: number | null };
    w.__echo = [];
    w.__pending = null;
    const tree = document.querySelector('[data-testid="terminal"] .xterm-accessibility-tree')!;
    const input = document.querySelector('[data-testid="terminal"] .xterm-helper-textarea')!;
    input.addEventListener('keydown', () => (w.__pending = performance.now()), true);
    new MutationObserver(() => {
      if (w.__pending !== null) {
        w.__echo.push(performance.now() - w.__pending);
        w.__pending = null;
      }
    }).observe(tree, { subtree: true, childList: true, characterData: true });
  });
  for (const ch of 'ubectl get pods -o wide --show-labels abc') {
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    await page.waitForTimeout(30);
  }
  return page.evaluate(() => (window as unknown as { __echo: number[] }).__echo);
}

if (process.argv[1]?.endsWith('bench-browser.ts')) {
  benchBrowser().then(
    (lines) => {
      console.log('## browser lab (issue 7)');
      for (const l of lines) console.log(formatLine(l));
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
