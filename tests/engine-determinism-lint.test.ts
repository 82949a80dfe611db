import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The engine must be a pure function of (lab, seed, transcript): no real
 * time, no real randomness, no Node built-ins (it also runs in a Web Worker).
 * This is the lint rule, enforced as a test so it cannot be switched off locally.
 */
const ROOT = join(__dirname, '..', 'lab-engine');
const BANNED: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\(\s*\)/, 'new Date() without an argument'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bsetTimeout\s*\(/, 'setTimeout'],
  [/\bsetInterval\s*\(/, 'setInterval'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bcrypto\.getRandomValues\b/, 'crypto.getRandomValues'],
  [/from ['"]node:/, 'a Node built-in import'],
  [/require\(['"](fs|path|os|child_process|crypto)['"]\)/, 'a Node built-in require'],
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.includes('/bench/')) out.push(p);
  }
  return out;
}

describe('lab-engine determinism lint', () => {
  it('uses no real time, randomness or Node built-ins outside tests', () => {
    const problems: string[] = [];
    for (const file of sourceFiles(ROOT)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        for (const [re, what] of BANNED) if (re.test(line)) problems.push(`${relative(ROOT, file)}:${i + 1}: ${what}`);
      });
    }
    expect(problems).toEqual([]);
  });
});
