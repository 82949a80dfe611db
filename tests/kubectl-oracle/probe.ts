/**
 * Runs one corpus scenario (or other commands after its setup) on both sides
 * and prints every difference in full — the tool for chasing a diff:
 *
 *   npx tsx tests/kubectl-oracle/probe.ts 'broken workloads'                 # the scenario's commands
 *   npx tsx tests/kubectl-oracle/probe.ts 'broken workloads' 'get pods -o wide' 'describe pod big'
 *   npx tsx tests/kubectl-oracle/probe.ts /tmp/try.json                         # an ad-hoc Scenario as JSON
 *   SHOW=all npx tsx tests/kubectl-oracle/probe.ts 'jobs and cronjobs'       # print identical outputs too
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDescriptions } from '../../lab-engine/api/openapi';
import { SCENARIOS, type Scenario } from './scenarios';
import { compareCommand, prepareScenario, type Run } from './harness';

function show(label: string, r: Run): string {
  return `  ${label} (exit ${r.code})\n${r.stdout.replace(/^/gm, '    | ')}\n${r.stderr ? r.stderr.replace(/^/gm, '    ! ') : ''}`;
}

async function main(): Promise<void> {
  const [name, ...commands] = process.argv.slice(2);
  // a scenario of the corpus by name, or an ad-hoc one from a JSON file ({name, setup, commands, …})
  const s: Scenario | undefined = name?.endsWith('.json') ? JSON.parse(readFileSync(name, 'utf8')) : SCENARIOS.find((x) => x.name === name);
  if (!s) {
    console.error(`unknown scenario ${JSON.stringify(name)}; one of:\n${SCENARIOS.map((x) => `  ${x.name}`).join('\n')}`);
    process.exit(2);
  }
  loadDescriptions();
  const p = await prepareScenario(s, Date.now() - ((Date.now() % 1000) + 1000), mkdtempSync(join(tmpdir(), 'kubelab-probe-')));
  if (p.hashes[0] !== p.hashes[1]) console.log('WARNING: the two clusters differ after setup');
  let same = 0;
  const list = commands.length ? commands : s.commands;
  try {
    for (const c of list) {
      const r = await compareCommand(p, c);
      if (r.same) same++;
      if (!r.same || process.env.SHOW === 'all') {
        console.log(`=== ${r.same ? 'SAME' : 'DIFF'}: kubectl ${c}`);
        if (!r.same) console.log(r.diff);
        console.log(show('real', r.real));
        if (!r.same) console.log(show('ours', r.ours));
      }
    }
  } finally {
    await p.close();
  }
  console.log(`${same}/${list.length} identical`);
}

void main();
