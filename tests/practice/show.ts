/**
 * Prints one practice scenario's session as a terminal shows it (debugging aid):
 *   npx tsx tests/practice/show.ts <scenario-id>
 */
import { renderStep, runScript } from '../../scripts/run-script';
import { SCENARIOS } from './scenarios';

const id = process.argv[2];
const sc = SCENARIOS.find((s) => s.id === id);
if (!sc) {
  process.stderr.write(`unknown scenario ${id}; one of:\n${SCENARIOS.map((s) => `  ${s.id}`).join('\n')}\n`);
  process.exit(2);
}
await runScript(sc.script, { seed: 1, delayMs: sc.delayMs ?? 3000 }, (r) => process.stdout.write(renderStep(r)));
