import type { Lab } from './schema';
import type { Locale } from './text';
import { createSession, type Session } from '../session/session';
import { replay } from '../session/replay';
import type { SessionOptions, Transcript } from '../session/transcript';
import { DEFAULT_REPLAY_LIMITS, type ReplayLimits } from '../session/limits';
import { gradeLab, type TaskResult } from '../grader/grade';
import type { GradeTarget } from '../grader/target';
import { FakeHost, splitWords } from '../kubectl/testing/fake-host';
import { runKubectl } from '../kubectl/kubectl';
import { kubectlVerbs } from '../shell/commands/kubectl';
import { NETWORK_SERVICE, type NetworkService } from '../network/service';
import { parseScript } from '../session/script';

/**
 * A lab's starting state is a pure function of the lab file and the start
 * time: its topology, its seed and its setup lines (then `settleSeconds` of
 * virtual time so broken scenarios have visibly failed). The learner's
 * transcript is replayed on top of that.
 */
export function labSessionOptions(lab: Lab, startMs?: number): SessionOptions {
  const setup = [...setupLines(lab.setup)];
  if (lab.settleSeconds > 0) setup.push(`sleep ${lab.settleSeconds}`);
  return { seed: lab.seed, topology: lab.cluster, setup, ...(startMs === undefined ? {} : { startMs }) };
}

const parsedSetups = new Map<string, readonly string[]>();
const MAX_PARSED_SETUPS = 256;

/**
 * The setup script's commands, parsed once per script text: splitting a script
 * into complete commands re-parses a heredoc or loop at each of its lines (a
 * 40-line setup took ~20 ms), and every replay of the lab needs the same lines.
 * Keyed by text, not by the Lab object, because each grading job arrives as a
 * structured-clone copy of the lab.
 */
function setupLines(script: string): readonly string[] {
  let lines = parsedSetups.get(script);
  if (lines === undefined) {
    lines = Object.freeze(parseScript(script).map((step) => step.line));
    if (parsedSetups.size >= MAX_PARSED_SETUPS) parsedSetups.delete(parsedSetups.keys().next().value!);
    parsedSetups.set(script, lines);
  }
  return lines;
}

export async function startLab(lab: Lab, startMs?: number): Promise<Session> {
  return createSession(labSessionOptions(lab, startMs));
}

/**
 * Replays an untrusted transcript against the lab's own starting state. The
 * options a client sends are ignored except its start time: seed, topology and
 * setup always come from the lab file, so a forged transcript cannot start from
 * an easier state.
 */
export async function replayLab(lab: Lab, transcript: Transcript, limits: ReplayLimits = DEFAULT_REPLAY_LIMITS): Promise<Session> {
  const startMs = typeof transcript?.options?.startMs === 'number' ? transcript.options.startMs : undefined;
  return replay({ ...transcript, options: labSessionOptions(lab, startMs) }, limits);
}

/** What the grader may see of a session: its cluster and the learner's files on the control plane. */
export function gradeTarget(session: Session): GradeTarget {
  const cluster = session.cluster;
  const network = cluster.services.get(NETWORK_SERVICE) as NetworkService | undefined;
  return {
    api: cluster.api(),
    readFile: (path) => session.env.nodeShells.get('controlplane')?.fs.readSync(path),
    runCommand: async (line) => {
      const before = cluster.stateHash();
      const argv = splitWords(line);
      if (argv[0] !== 'kubectl' && argv[0] !== 'k') throw new Error(`command checks run kubectl only (got "${line}"); use a file check for files`);
      let stdout = '';
      let stderr = '';
      const exitCode = await runKubectl(argv.slice(1), new FakeHost(cluster), { stdin: '', out: (s) => (stdout += s), err: (s) => (stderr += s) }, kubectlVerbs());
      if (cluster.stateHash() !== before) throw new Error(`command check "${line}" changed the cluster; command checks must be read-only`);
      return { stdout, stderr, exitCode };
    },
    request: network
      ? (from, url, method) => {
          try {
            const r = network.request({ from, url, method: method ?? 'GET', timeoutMs: 5000, record: false });
            return r.ok ? { ok: true, detail: `HTTP ${r.status}` } : { ok: false, detail: r.error };
          } catch (e) {
            // The sender does not exist (pod deleted, not yet created): the request cannot be made.
            return { ok: false, detail: (e as Error).message.replace(/^network: /, '') };
          }
        }
      : undefined,
  };
}

export async function gradeSession(lab: Lab, session: Session, locale: Locale = 'en'): Promise<TaskResult[]> {
  return gradeLab(lab, gradeTarget(session), { locale });
}

/** Server-side grading: replay, then grade. Deterministic: equal inputs give equal results and hash. */
export async function replayAndGrade(lab: Lab, transcript: Transcript, opts: { locale?: Locale; limits?: ReplayLimits } = {}) {
  const session = await replayLab(lab, transcript, opts.limits);
  const results = await gradeSession(lab, session, opts.locale);
  // The cluster's hash is what a client's own replay must agree with (shell details may differ by platform).
  const { stateHash, clusterHash } = session.hashes();
  return { stateHash, clusterHash, results };
}
