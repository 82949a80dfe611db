/**
 * The differential harness shared by differential.test.ts and probe.ts: two
 * identical engine clusters, one served to the real kubectl through the REST
 * facade, the other driven by our kubectl; each command runs on both and the
 * normalised stdout, stderr and exit codes are compared.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCluster, type Cluster } from '../../lab-engine/index';
import { FakeHost, splitWords } from '../../lab-engine/kubectl/testing/fake-host';
import { startKubeApiServer, kubeconfigFor, type ServerHandle } from '../../scripts/kube-api-server';
import type { Scenario } from './scenarios';
import { normalize } from './normalize';

export const KUBECTL = '/usr/bin/kubectl';

export interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

export interface Comparison {
  command: string;
  real: Run;
  ours: Run;
  same: boolean;
  diff?: string;
}

export interface Prepared {
  server: ServerHandle;
  ours: FakeHost;
  oursCluster: Cluster;
  kubeconfig: string;
  /** state hashes of both clusters after setup (they must be equal) */
  hashes: [string, string];
  close(): Promise<void>;
}

export function realKubectl(kubeconfig: string, line: string): Promise<Run> {
  return new Promise((resolve) => {
    // KUBECONFIG in the environment, not --kubeconfig: a flag before the verb changes kubectl's
    // answer to an unknown verb ("flags cannot be placed before plugin name")
    execFile(KUBECTL, splitWords(line), { timeout: 20_000, env: { ...process.env, KUBECONFIG: kubeconfig, KUBECTL_COMMAND_HEADERS: 'false' } }, (err, stdout, stderr) => {
      const code = err ? ((err as NodeJS.ErrnoException & { code?: number }).code as unknown as number) ?? 1 : 0;
      resolve({ stdout, stderr, code: typeof code === 'number' ? code : 1 });
    });
  });
}

export function firstDiff(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) return `line ${i + 1}:\n  real: ${JSON.stringify(al[i] ?? '<eof>')}\n  ours: ${JSON.stringify(bl[i] ?? '<eof>')}`;
  }
  return '';
}

/** Builds both clusters, runs the setup on each with our kubectl, settles, and starts the facade. */
export async function prepareScenario(s: Scenario, startMs: number, dir: string): Promise<Prepared> {
  const opts = { seed: s.seed ?? 11, topology: s.topology ?? 'default', startMs };
  const a = createCluster(opts);
  const b = createCluster(opts);
  const hostA = new FakeHost(a);
  const hostB = new FakeHost(b);
  for (const [path, content] of Object.entries(s.files ?? {})) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content); // the real kubectl reads the real file
    hostA.files.set(path, content);
    hostB.files.set(path, content);
  }
  for (const line of s.setup) {
    if (line.startsWith('#advance ')) {
      // '#advance N': let N virtual seconds pass between setup lines (both clusters)
      const ms = Number(line.slice(9)) * 1000;
      a.settle({ maxMs: ms });
      b.settle({ maxMs: ms });
      continue;
    }
    const ra = await hostA.exec(splitWords(line));
    await hostB.exec(splitWords(line));
    if (ra.code !== 0 && !s.setupMayFail) throw new Error(`setup line failed: kubectl ${line}\n${ra.stderr}`);
  }
  a.settle({ maxMs: (s.settleSeconds ?? 30) * 1000 });
  b.settle({ maxMs: (s.settleSeconds ?? 30) * 1000 });
  if (s.prepare) {
    s.prepare(a);
    s.prepare(b);
    a.settle({ maxMs: (s.prepareSeconds ?? 0) * 1000 });
    b.settle({ maxMs: (s.prepareSeconds ?? 0) * 1000 });
  }
  // Virtual time is frozen between requests; controllers still react to each write at once.
  const server = await startKubeApiServer({ cluster: a, manualTime: true, facade: { afterWrite: () => a.step() } });
  const kubeconfig = join(dir, `${s.name.replace(/\W+/g, '-')}.kubeconfig`);
  writeFileSync(kubeconfig, kubeconfigFor(server.url));
  return { server, ours: hostB, oursCluster: b, kubeconfig, hashes: [a.stateHash(), b.stateHash()], close: () => server.close() };
}

/** Runs one command on both sides, then lets one virtual second pass on each cluster. */
export async function compareCommand(p: Prepared, command: string): Promise<Comparison> {
  const real = await realKubectl(p.kubeconfig, command);
  const ours = await p.ours.exec(splitWords(command));
  const r = `${normalize(command, real.stdout)}\u0000${normalize(command, real.stderr)}\u0000${real.code}`;
  const m = `${normalize(command, ours.stdout)}\u0000${normalize(command, ours.stderr)}\u0000${ours.code}`;
  const same = r === m;
  let diff: string | undefined;
  if (!same) {
    const codeDiff = real.code !== ours.code ? `exit code: real ${real.code}, ours ${ours.code}` : undefined;
    diff = [codeDiff, firstDiff(normalize(command, real.stdout), normalize(command, ours.stdout)), firstDiff(normalize(command, real.stderr), normalize(command, ours.stderr))]
      .filter(Boolean)
      .join('\n');
  }
  // Our kubectl lets virtual time pass while it waits (delete --wait, rollout status, wait);
  // the real kubectl's wait ended on a watch event without time moving: line the clocks up.
  const behindMs = p.oursCluster.clock.nowMs() - p.server.cluster.clock.nowMs();
  if (behindMs > 0) p.server.cluster.advance(behindMs);
  p.server.cluster.advance(1000);
  p.oursCluster.advance(1000);
  return { command, real, ours, same, diff };
}
