import { describe, expect, it, afterAll } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadLab } from '../lab-engine/lab/load-lab';
import { gradeSession, replayLab, startLab } from '../lab-engine/lab/lab-session';
import { parseScript, runScriptSteps } from '../lab-engine/session/script';
import type { Lab } from '../lab-engine/lab/schema';

/**
 * The content self-test (Exercism configlet / Instruqt track test): every lab
 * is schema-valid with unique ids, each task's checks FAIL on the starting
 * state and PASS after the reference solution, every solution line succeeds
 * (no unsupported command), and replaying the solution's transcript gives the
 * same state hash. Prints a table of labs and tasks with wall milliseconds for
 * the boot (with the fail-before grading), the solution (with the pass-after
 * grading), the replay (with both state hashes) and the total, then the lab's
 * process CPU milliseconds (steadier than wall time on a busy machine).
 */
const ROOT = join(__dirname, '..', 'content');
const FIXED_START_MS = Date.UTC(2026, 0, 5, 9, 0, 0);

function labFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...labFiles(p));
    else if (name === 'lab.yaml') out.push(p);
  }
  return out;
}

const files = labFiles(ROOT);
const rows: string[] = [];
const seenIds = new Map<string, string>();

describe('content self-test', () => {
  it('finds labs to test', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const rel = relative(join(__dirname, '..'), file);
    it(rel, async () => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const loaded = loadLab(readFileSync(file, 'utf8'), rel);
      if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
      const lab: Lab = loaded.lab;
      expect(seenIds.get(lab.id), `lab id "${lab.id}" is used twice`).toBeUndefined();
      seenIds.set(lab.id, rel);

      // One boot serves the fail-before and pass-after checks; the replay is the second (and last) boot.
      const t1 = performance.now();
      const session = await startLab(lab, FIXED_START_MS);
      const before = await gradeSession(lab, session);
      for (const r of before) expect(r.passed, `task "${r.taskId}" already passes on the starting state: ${r.message}`).toBe(false);

      const t2 = performance.now();
      for (const r of await runScriptSteps(session, parseScript(lab.solution))) {
        expect(r.exitCode, `solution line ${r.lineNo} failed: ${r.line}\n${r.stderr}`).toBe(0);
      }
      const after = await gradeSession(lab, session);
      for (const r of after) expect(r.passed, `task "${r.taskId}" still fails after the solution: ${r.message}`).toBe(true);

      const t3 = performance.now();
      const replayed = await replayLab(lab, session.transcript());
      expect(replayed.stateHash(), 'replaying the solution transcript gives a different state').toBe(session.stateHash());
      const t4 = performance.now();
      const ms = (a: number, b: number) => (b - a).toFixed(0).padStart(8);
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = ((cpu.user + cpu.system) / 1000).toFixed(0).padStart(8);
      rows.push(`${lab.id.padEnd(40)} ${String(lab.tasks.length).padStart(5)} ${ms(t1, t2)} ${ms(t2, t3)} ${ms(t3, t4)} ${ms(t0, t4)} ${cpuMs}`);
    }, 60_000);
  }

  afterAll(() => {
    const head = ['boot', 'solution', 'replay', 'ms', 'cpu ms'].map((h) => h.padStart(8)).join(' ');
    console.log([`${'lab'.padEnd(40)} ${'tasks'.padStart(5)} ${head}`, ...rows].join('\n'));
  });
});
