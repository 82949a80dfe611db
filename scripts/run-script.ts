/**
 * The script runner: runs a shell script against a fresh simulated cluster the
 * way a person types it, one complete command at a time, and prints the
 * session as a terminal shows it (or JSON with --json).
 *
 *   npx tsx scripts/run-script.ts [--lab <lab.yaml> | --topology default] [--seed N]
 *        [--delay-ms 3000] [--interrupt-after-ms 60000] [--json] <script.sh | ->
 *
 * Editor input and Ctrl-C come from directives in the script (see
 * lab-engine/session/script.ts and the README's "Script runner" section).
 * Exit status: 0 when the script ran (whatever its commands returned),
 * 2 on usage errors or a script/lab that cannot be read.
 */
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Session } from '../lab-engine/session/session';
import type { StepResult } from '../lab-engine/session/script';
import type { SessionOptions } from '../lab-engine/session/transcript';

/**
 * Node's ESM loader cannot take named exports from fast-json-patch's CommonJS
 * main (bundlers and vitest use its ESM build); point Node at the ESM build
 * before the engine is imported. The engine itself is imported lazily below.
 */
const RESOLVE_HOOK = `export async function resolve(specifier, context, next) {
  if (specifier === 'fast-json-patch') return next('fast-json-patch/index.mjs', context);
  return next(specifier, context);
}`;
let hooked = false;
function hookFastJsonPatch(): void {
  if (hooked || typeof register !== 'function') return;
  hooked = true;
  register(`data:text/javascript,${encodeURIComponent(RESOLVE_HOOK)}`, import.meta.url);
}

async function engine() {
  hookFastJsonPatch();
  const [session, script] = await Promise.all([import('../lab-engine/session/session'), import('../lab-engine/session/script')]);
  return { createSession: session.createSession, parseScript: script.parseScript, runScriptSteps: script.runScriptSteps };
}

export interface RunScriptOptions {
  seed?: number;
  topology?: string;
  /** Lab file text: its cluster, seed and setup start the session. */
  labYaml?: string;
  delayMs?: number;
  interruptAfterMs?: number;
}

export interface ScriptRun {
  session: Session;
  steps: StepResult[];
}

async function sessionOptions(o: RunScriptOptions): Promise<SessionOptions> {
  if (o.labYaml !== undefined) {
    hookFastJsonPatch();
    const { loadLab } = await import('../lab-engine/lab/load-lab');
    const { labSessionOptions } = await import('../lab-engine/lab/lab-session');
    const loaded = loadLab(o.labYaml);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    const opts = labSessionOptions(loaded.lab);
    return o.seed === undefined ? opts : { ...opts, seed: o.seed };
  }
  return { seed: o.seed ?? 1, topology: o.topology ?? 'default' };
}

/** Runs a script; the library form the corpus tests and other harnesses use. */
export async function runScript(script: string, o: RunScriptOptions = {}, onStep?: (r: StepResult) => void): Promise<ScriptRun> {
  const { createSession, parseScript, runScriptSteps } = await engine();
  const steps = parseScript(script).map((s) => (o.interruptAfterMs !== undefined && s.interruptAfterMs === undefined ? { ...s, interruptAfterMs: o.interruptAfterMs } : s));
  const session = await createSession(await sessionOptions(o));
  const results = await runScriptSteps(session, steps, { delayMs: o.delayMs ?? 3000, onStep });
  return { session, steps: results };
}

/** A step as a terminal shows it: prompt and command, output, `^C` when interrupted. */
export function renderStep(r: StepResult): string {
  const cont = r.line.split('\n').map((l, i) => (i === 0 ? `${r.prompt}${l}` : `> ${l}`)).join('\n');
  let out = `${cont}\n${r.terminal ?? r.stdout + r.stderr}`;
  if (r.exitCode === 130) out += '^C\n';
  return out;
}

const USAGE = 'usage: run-script [--lab <lab.yaml> | --topology <name>] [--seed N] [--delay-ms MS] [--interrupt-after-ms MS] [--json] <script.sh | ->\n';

interface Cli extends RunScriptOptions {
  json: boolean;
  file: string;
}

export function parseCli(argv: string[]): Cli | string {
  const o: Cli = { json: false, file: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    const num = (name: string) => {
      const v = Number(value());
      if (!Number.isFinite(v) || v < 0) throw new Error(`${name} needs a non-negative number`);
      return v;
    };
    try {
      if (flag === '--json') o.json = true;
      else if (flag === '--seed') o.seed = num('--seed');
      else if (flag === '--delay-ms') o.delayMs = num('--delay-ms');
      else if (flag === '--interrupt-after-ms') o.interruptAfterMs = num('--interrupt-after-ms');
      else if (flag === '--topology') o.topology = value();
      else if (flag === '--lab') o.labYaml = readFileSync(value(), 'utf8');
      else if (flag === '-h' || flag === '--help') return USAGE;
      else if (a.startsWith('-') && a !== '-') return `run-script: unknown option ${a}\n${USAGE}`;
      else o.file = a;
    } catch (e) {
      return `run-script: ${(e as Error).message}\n${USAGE}`;
    }
  }
  if (!o.file) return `run-script: no script given\n${USAGE}`;
  return o;
}

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  if (typeof cli === 'string') {
    process.stderr.write(cli);
    return cli === USAGE ? 0 : 2;
  }
  let text: string;
  try {
    text = readFileSync(cli.file === '-' ? 0 : cli.file, 'utf8');
  } catch (e) {
    process.stderr.write(`run-script: ${(e as Error).message}\n`);
    return 2;
  }
  const run = await runScript(text, cli, cli.json ? undefined : (r) => process.stdout.write(renderStep(r)));
  if (cli.json) {
    const lines = run.steps.map((s) => ({ line: s.line, stdout: s.stdout, stderr: s.stderr, exitCode: s.exitCode, t: s.t }));
    process.stdout.write(`${JSON.stringify({ lines, objects: run.session.cluster.snapshot(), stateHash: run.session.stateHash() }, null, 2)}\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`run-script: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
}
