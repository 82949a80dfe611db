import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDescriptions } from '../../lab-engine/api/openapi';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIOS } from './scenarios';
import { KUBECTL, compareCommand, prepareScenario } from './harness';

/**
 * Differential test: the real kubectl v1.32.4 against the REST facade vs our
 * kubectl against an identical engine cluster. Prints N identical / M
 * differing with the first diff of each, and fails on regressions against
 * baseline.json (the commands known to differ, each explained in the README).
 * UPDATE_ORACLE_BASELINE=1 rewrites the baseline.
 */
const BASELINE = join(__dirname, 'baseline.json');
const START_MS = Date.now() - ((Date.now() % 1000) + 1000);

interface Outcome {
  scenario: string;
  command: string;
  same: boolean;
  diff?: string;
}

const outcomes: Outcome[] = [];

const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl) console.log(`kubectl oracle: skipped — no real kubectl at ${KUBECTL}`);

describe.skipIf(!hasKubectl)('real kubectl vs our kubectl (differential)', () => {
  beforeAll(() => loadDescriptions()); // kubectl explain on both sides
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-oracle-'));

  for (const s of SCENARIOS) {
    it(`scenario: ${s.name}`, async () => {
      const p = await prepareScenario(s, START_MS, dir);
      try {
        expect(p.hashes[0]).toBe(p.hashes[1]);
        for (const command of s.commands) {
          const r = await compareCommand(p, command);
          outcomes.push({ scenario: s.name, command, same: r.same, diff: r.diff });
        }
      } finally {
        await p.close();
      }
    }, 180_000);
  }

  afterAll(() => {
    const same = outcomes.filter((o) => o.same).length;
    const differing = outcomes.filter((o) => !o.same);
    const pct = outcomes.length ? ((100 * same) / outcomes.length).toFixed(1) : '0';
    const lines = [`kubectl oracle: ${same} identical / ${differing.length} differing of ${outcomes.length} (${pct}% byte-identical)`];
    for (const d of differing) lines.push(`--- [${d.scenario}] kubectl ${d.command}\n${d.diff}`);
    console.log(lines.join('\n'));
    const keys = differing.map((d) => `${d.scenario} :: ${d.command}`);
    if (process.env.UPDATE_ORACLE_BASELINE) {
      writeFileSync(BASELINE, `${JSON.stringify({ knownDifferences: keys }, null, 2)}\n`);
      return;
    }
    const known = existsSync(BASELINE) ? new Set<string>(JSON.parse(readFileSync(BASELINE, 'utf8')).knownDifferences) : new Set<string>();
    const regressions = keys.filter((k) => !known.has(k));
    const fixed = [...known].filter((k) => !keys.includes(k));
    if (fixed.length > 0) console.log(`kubectl oracle: now identical, prune from baseline.json:\n  ${fixed.join('\n  ')}`);
    expect(regressions, `new differences (regressions) — see the summary above`).toEqual([]);
  });
});
