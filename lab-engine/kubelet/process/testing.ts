import { ContainerFsImpl, newVolumeDir } from '../fs';
import { Shell } from './interpreter';
import { baseCommands } from './commands';
import type { Effect, ProcessHost } from './types';

/** Runs a script to completion with a fake clock; for tests and `$(…)`-free tooling. */
export function runToEnd(script: string, env: Record<string, string> = {}, maxEffects = 10_000) {
  let now = Date.UTC(2026, 0, 5, 9, 0, 0);
  const fs = new ContainerFsImpl(newVolumeDir(), []);
  fs.mkdir('/tmp', { parents: true });
  const host: ProcessHost = {
    nowMs: () => now,
    hostname: 'pod-1',
    fs,
    source: { namespace: 'default', pod: 'pod-1' },
    listen: () => {},
    setMemory: () => {},
    setCpu: () => {},
    processes: () => [{ pid: 1, cmd: 'sh' }],
    cpus: 2,
    kernel: '6.8.0-1015-gcp',
  };
  const sh = new Shell(host, { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'pod-1', ...env }, baseCommands());
  const lines: { atMs: number; stream: 'stdout' | 'stderr'; text: string }[] = [];
  const gen = sh.runScript(script, { stdin: '', out: (t) => lines.push({ atMs: now, stream: 'stdout', text: t }), err: (t) => lines.push({ atMs: now, stream: 'stderr', text: t }) });
  const effects: Effect[] = [];
  for (let i = 0; i < maxEffects; i++) {
    const r = gen.next();
    if (r.done) return { exitCode: r.value, lines, effects, fs, stdout: lines.filter((l) => l.stream === 'stdout').map((l) => l.text).join(''), stderr: lines.filter((l) => l.stream === 'stderr').map((l) => l.text).join('') };
    effects.push(r.value);
    if (r.value.kind === 'sleep') now += r.value.ms;
    else break;
  }
  return { exitCode: undefined, lines, effects, fs, stdout: lines.filter((l) => l.stream === 'stdout').map((l) => l.text).join(''), stderr: lines.filter((l) => l.stream === 'stderr').map((l) => l.text).join('') };
}
