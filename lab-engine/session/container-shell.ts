import { defineCommand, type Command } from 'just-bash';
import { Shell } from '../shell/shell';
import { VirtualFs } from '../shell/vfs';
import { stopLine } from '../shell/shell';
import type { ContainerFs, KubeletService } from '../kubelet/types';
import type { SessionEnvironment } from './environment';
import { kubeletService } from './environment';
import { containerPromptStyle } from '../kubelet/images/catalogue';

/**
 * A shell inside a container (`kubectl exec -it POD -- sh`, `kubectl run -it
 * … -- sh`): just-bash over a copy of the container's filesystem (written
 * back to the kubelet after every line) with the container's environment.
 * Network tools and anything the image provides beyond just-bash's
 * utilities (wget, nslookup, nc, ping, curl, nginx -t…) run through the
 * kubelet's exec, which sends traffic through the network service.
 */
const DELEGATED = ['wget', 'curl', 'nslookup', 'nc', 'ping', 'dig', 'host', 'ps', 'nginx', 'redis-cli', 'psql', 'mysql', 'ip', 'ifconfig', 'netstat', 'ss', 'hostname', 'kill', 'top', 'mount', 'df', 'free', 'uptime', 'perl'];
const MAX_MIRROR_ENTRIES = 5000;

export interface ContainerTarget {
  namespace: string;
  pod: string;
  container: string;
  /** `sh`, `bash`, `/bin/sh`… — decides the prompt. */
  shellName: string;
  /** No prompt: a shell attached without a TTY (`kubectl run -i … -- sh`). */
  silent?: boolean;
}

function mirror(cfs: ContainerFs, dirs: string[] = []): Record<string, string> {
  const files: Record<string, string> = {};
  const queue = ['/'];
  let seen = 0;
  while (queue.length > 0 && seen < MAX_MIRROR_ENTRIES) {
    const dir = queue.shift()!;
    for (const name of cfs.list(dir) ?? []) {
      seen++;
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      if (path === '/proc' || path === '/sys' || path === '/dev') continue;
      const st = cfs.stat(path);
      if (st?.type === 'dir') {
        queue.push(path);
        dirs.push(path);
      }
      else if (st?.type === 'file') files[path] = cfs.read(path) ?? '';
    }
  }
  return files;
}

function writeBack(cfs: ContainerFs, before: Map<string, string>, fs: VirtualFs): Map<string, string> {
  const after = new Map(fs.snapshot().filter(([, v]) => v !== 'dir'));
  for (const [path, content] of after) {
    if (before.get(path) === content) continue;
    try {
      cfs.write(path, content);
    } catch {
      // Read-only mounts (configMap, secret volumes) refuse the write; the shell's copy keeps it for this session.
    }
  }
  for (const path of before.keys()) {
    if (after.has(path)) continue;
    try {
      cfs.remove(path);
    } catch {
      // As above.
    }
  }
  return after;
}

function delegatedCommands(shell: () => Shell, kubelet: KubeletService, t: ContainerTarget): Command[] {
  return DELEGATED.map((name) =>
    defineCommand(name, async (args, ctx) => {
      const run = shell().current();
      if (run.interrupted()) stopLine(ctx);
      const r = kubelet.exec(t.namespace, t.pod, t.container, [name, ...args], { tty: true, cwd: ctx.cwd });
      if (r.durationMs > 0) await run.sleep(r.durationMs);
      return { stdout: r.stdout, stderr: r.stderr, exitCode: run.interrupted() ? 130 : r.exitCode };
    }),
  );
}

/** The image of the target container as the pod spec names it (undefined when the pod is gone). */
function containerImage(env: SessionEnvironment, t: ContainerTarget): string | undefined {
  const spec = env.cluster.store.peek('pods', t.namespace, t.pod)?.spec as { containers?: { name: string; image?: string }[]; initContainers?: { name: string; image?: string }[]; ephemeralContainers?: { name: string; image?: string }[] } | undefined;
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? []), ...(spec?.ephemeralContainers ?? [])].find((c) => c.name === t.container)?.image;
}

/** Builds the shell; throws the kubelet's ApiError when the container cannot be entered. */
export function buildContainerShell(env: SessionEnvironment, t: ContainerTarget): Shell {
  const kubelet = kubeletService(env.cluster);
  if (!kubelet) throw new Error('unable to upgrade connection: the kubelet service is not installed');
  const cfs = kubelet.containerFs(t.namespace, t.pod, t.container);
  const containerEnv = kubelet.containerEnv(t.namespace, t.pod, t.container);
  const dirs: string[] = [];
  const fs = new VirtualFs(mirror(cfs, dirs));
  // Empty directories too (/tmp, /home, /root): the image has them.
  for (const d of dirs) if (!fs.isDirectorySync(d)) fs.mkdirSync(d, { recursive: true });
  fs.stampNewEntries(env.cluster.clock.nowMs());
  let synced = new Map(fs.snapshot().filter(([, v]) => v !== 'dir'));
  const isBash = /bash$/.test(t.shellName);
  const home = containerEnv.HOME ?? '/root';
  const shell: Shell = new Shell({
    hostname: t.pod,
    home,
    cwd: '/',
    env: { ...containerEnv, HOSTNAME: t.pod, SHELL: isBash ? '/bin/bash' : '/bin/sh' },
    fs,
    promptStyle: t.silent ? 'none' : containerPromptStyle(containerImage(env, t), t.shellName),
    rng: env.cluster.rng.derive(`shell/${t.namespace}/${t.pod}/${t.container}`),
    startMs: env.cluster.clock.nowMs(),
    clock: () => env.cluster.clock.nowMs(),
    commands: [],
    afterLine: () => {
      synced = writeBack(cfs, synced, fs);
      env.cluster.step();
    },
  });
  for (const c of delegatedCommands(() => shell, kubelet, t)) shell.bash.registerCommand(c);
  return shell;
}
