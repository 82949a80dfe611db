import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The engine runs in a Web Worker, where bundlers resolve `just-bash` to its
 * browser entry, which exports less than the Node entry (no `parse`,
 * `EMPTY_BYTES`, `decodeBytesToUtf8`…). Value imports from just-bash in the
 * terminal code must all exist there.
 */
const ROOT = join(__dirname, '..');
const browserDts = readFileSync(join(ROOT, '..', 'node_modules', 'just-bash', 'dist', 'browser.d.ts'), 'utf8');
const browserExports = new Set(
  [...browserDts.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) => m[1].split(',').map((n) => n.trim().split(/\s+as\s+/).pop()!).filter(Boolean)),
);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('browser entry of just-bash', () => {
  it('provides every value the terminal imports', () => {
    const missing: string[] = [];
    for (const file of [...sources(join(ROOT, 'shell')), ...sources(join(ROOT, 'session'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^import \{([^}]*)\} from 'just-bash';/gm)) {
        for (const raw of m[1].split(',')) {
          const name = raw.trim();
          if (name && !name.startsWith('type ') && !browserExports.has(name)) missing.push(`${file.slice(ROOT.length + 1)}: ${name}`);
        }
      }
    }
    expect(browserExports.has('Bash')).toBe(true);
    expect(missing).toEqual([]);
  });
});
