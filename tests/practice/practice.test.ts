import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../scripts/run-script';
import { startKubeApiServer, type ServerHandle } from '../../scripts/kube-api-server';
import { createCluster } from '../../lab-engine/index';
import { splitWords } from '../../lab-engine/kubectl/testing/fake-host';
import { EndState } from '../cka-corpus/harness';
import { SCENARIOS } from './scenarios';
import type { PracticeScenario } from './types';

/**
 * Public CKA/CKAD practice exercises, solved the way their published
 * solutions type them, on a fresh default cluster. Each scenario asserts the
 * end state and the outputs that matter; `oracle` lines are also compared
 * byte for byte with the real kubectl v1.32.4 (when installed). Scenarios
 * still failing are registered with `it.fails` and their reason, so the
 * suite turns red the day they start passing; out-of-scope ones are skipped
 * with the reason. The tally is printed at the end.
 */
const KUBECTL = '/usr/bin/kubectl';
const hasKubectl = existsSync(KUBECTL);
let server: ServerHandle | undefined;
let kubeconfig = '';

beforeAll(async () => {
  if (!hasKubectl) {
    console.log(`practice: ${KUBECTL} not found; oracle comparisons are skipped`);
    return;
  }
  // `kubectl run --dry-run=client` needs API discovery: serve an idle simulated cluster for it.
  server = await startKubeApiServer({ cluster: createCluster({ seed: 1, topology: 'default' }), port: 0, manualTime: true });
  const dir = mkdtempSync(join(tmpdir(), 'practice-'));
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: '${server.url}'}\n  name: lab\ncontexts:\n- context: {cluster: lab, user: admin, namespace: default}\n  name: lab\ncurrent-context: lab\nusers:\n- name: admin\n  user: {}\n`,
  );
});

afterAll(async () => {
  await server?.close();
});

/** Asynchronous: the facade serving it runs on this process's event loop. */
async function realKubectl(line: string): Promise<string> {
  const args = splitWords(line).slice(1);
  const { stdout } = await promisify(execFile)(KUBECTL, ['--kubeconfig', kubeconfig, ...args], { encoding: 'utf8' });
  return stdout;
}

async function runScenario(sc: PracticeScenario): Promise<void> {
  const { session, steps } = await runScript(sc.script, { seed: 1, delayMs: sc.delayMs ?? 3000 });
  const end = new EndState(session, steps);
  sc.check(end);
  if (!server) return;
  for (const line of sc.oracle ?? []) {
    const step = steps.find((st) => st.line === line || st.line.startsWith(`${line} >`));
    expect(step, `oracle line not in the script: ${line}`).toBeDefined();
    const ours = step!.line === line ? step!.stdout : end.file(`/root/${step!.line.split('> ')[1].trim()}`);
    expect(ours, `differs from the real kubectl: ${line}`).toBe(await realKubectl(line));
  }
}

const results = new Map<string, 'pass' | 'fail'>();

describe('public practice exercises', () => {
  it('has unique ids', () => {
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
  });

  for (const sc of SCENARIOS) {
    const name = `${sc.id} (${sc.source})`;
    if (sc.skip) {
      it.skip(`${name} [skipped: ${sc.skip}]`, () => {});
      continue;
    }
    const run = async () => {
      try {
        await runScenario(sc);
        results.set(sc.id, 'pass');
      } catch (e) {
        results.set(sc.id, 'fail');
        throw e;
      }
    };
    if (sc.todo) it.fails(`${name} [todo: ${sc.todo}]`, run, 120_000);
    else it(name, run, 120_000);
  }

  afterAll(() => {
    const run = SCENARIOS.filter((s) => !s.skip);
    const tally = {
      written: SCENARIOS.length,
      skipped: SCENARIOS.length - run.length,
      passedFirstTime: run.filter((s) => s.firstRun === 'pass' && results.get(s.id) === 'pass').length,
      fixed: run.filter((s) => s.firstRun === 'fail' && results.get(s.id) === 'pass').length,
      stillFailing: run.filter((s) => results.get(s.id) === 'fail').length,
      notRun: run.filter((s) => !results.has(s.id)).length,
    };
    console.log(`practice tally: ${JSON.stringify(tally)}`);
    for (const s of run.filter((x) => results.get(x.id) === 'fail')) console.log(`  still failing: ${s.id} — ${s.todo ?? 'unexpected failure'}`);
  });
});
