import type { KubectlSessionHooks } from '../shell/kubectl-host';
import type { Shell } from '../shell/shell';
import type { SessionEnvironment } from './environment';
import { kubeletService } from './environment';
import { buildContainerShell } from './container-shell';
import { InterruptExit } from '../kubectl/commands/shell-support';
import type { AttachHandle } from '../kubelet/types';

/** The interactive parts of kubectl that need the session: container shells, attach, port-forward. */
export function sessionHooks(env: SessionEnvironment, shell: Shell): KubectlSessionHooks {
  return {
    openContainerShell: async ({ namespace, pod, container, command }) => {
      const inner = buildContainerShell(env, { namespace, pod, container, shellName: command[0] });
      return env.session.openShell({ shell: inner, label: `${namespace}/${pod}/${container}`, kind: 'container', leaveMessage: '' });
    },
    attach: (opts) => attachSession(env, shell, opts),
    catchInterrupt: (onCtrlC) => env.session.catchInterrupt(onCtrlC),
    portForward: ({ namespace, pod, ports, address }) => {
      for (const p of ports) env.portForwards.set(p.local, { namespace, pod, remotePort: p.remote, address: address[0] ?? 'localhost' });
      return {
        close: () => {
          for (const p of ports) env.portForwards.delete(p.local);
        },
      };
    },
  };
}

/**
 * The attached terminal (CRI Attach): a main process that is an interactive shell reading its stdin
 * gets the terminal as a container shell (prompted with a TTY, silent without); its `exit N` ends the
 * process. Anything else streams what the process writes from now on until it exits. Ctrl-C there
 * is what kubectl's terminal makes of it (attach.go t.Safe, kubectl/pkg/util/term): with -it the
 * terminal is raw, so it reaches the container's TTY (SIGINT to the main process, which decides);
 * with -i from a terminal kubectl's interrupt handler exits 1; otherwise SIGINT kills kubectl (130).
 * Piped input goes to a main process that reads its stdin (a shell, `cat`), then end-of-file.
 * Leaving closes stdin (stdinOnce: a shell or `cat` reading it sees end-of-file).
 */
async function attachSession(env: SessionEnvironment, shell: Shell, o: { namespace: string; pod: string; container: string; stdin: boolean; tty: boolean; input?: string }): Promise<number> {
  const kubelet = kubeletService(env.cluster);
  if (!kubelet) throw new Error('unable to upgrade connection: the kubelet service is not installed');
  const handle = kubelet.attach(o.namespace, o.pod, o.container);
  if (o.stdin && handle.stdinReader && o.input !== undefined) {
    // Piped input: the shell runs it (cat copies it), then reads end-of-file.
    const r = kubelet.exec(o.namespace, o.pod, o.container, handle.shell ? [handle.shell] : handle.stdinReader, { stdin: o.input });
    if (r.durationMs > 0 && Number.isFinite(r.durationMs)) await shell.current().sleep(r.durationMs);
    shell.current().emit(r.stdout);
    if (r.stderr) shell.current().emit(r.stderr, 'stderr');
    handle.exit(r.exitCode);
    return 0;
  }
  if (o.stdin && handle.shell) {
    const inner = buildContainerShell(env, { namespace: o.namespace, pod: o.pod, container: o.container, shellName: handle.shell, silent: !o.tty });
    const code = await env.session.openShell({ shell: inner, label: `${o.namespace}/${o.pod}/${o.container}`, kind: 'container', leaveMessage: '' });
    handle.exit(code);
    return 0;
  }
  let exitRequested = false;
  const ctrlC = attachCtrlC(handle, o, () => (exitRequested = true), (t) => shell.current().emit(t));
  const release = ctrlC ? env.session.catchInterrupt(ctrlC) : undefined;
  let code: number;
  try {
    code = await followUntilExit(env, shell, o.namespace, o.pod, o.container, () => exitRequested);
  } finally {
    release?.();
  }
  if (o.stdin) handle.detach();
  if (exitRequested) throw new InterruptExit();
  return code;
}

/** Who gets Ctrl-C during a stream attach: the container's TTY (raw), kubectl's handler (-i on a terminal), or nobody (SIGINT). */
function attachCtrlC(handle: AttachHandle, o: { stdin: boolean; tty: boolean; input?: string }, exit: () => void, emit: (text: string) => void): (() => void) | undefined {
  if (o.stdin && o.tty) {
    return () => {
      // The container's TTY echoes the key (ECHOCTL) whatever the process does with the signal.
      emit('^C');
      handle.interrupt();
    };
  }
  if (o.stdin && o.input === undefined) return exit;
  return undefined;
}

/** attach without a shell: print what the container writes from now on until it exits (Ctrl-C detaches). */
async function followUntilExit(env: SessionEnvironment, shell: Shell, namespace: string, pod: string, container: string, stop: () => boolean): Promise<number> {
  const run = shell.current();
  const kubelet = kubeletService(env.cluster);
  let ended = false;
  const follow = kubelet?.followLogs(namespace, pod, { container, raw: true }, (chunk) => run.emit(chunk), () => (ended = true));
  try {
    // The follow ends when the process exits; its end is noticed on the kubelet's 1 s poll.
    for (let i = 0; i < 100_000 && !ended && !run.interrupted() && !stop(); i++) await run.sleep(1000, true);
  } finally {
    follow?.cancel();
  }
  return run.interrupted() ? 130 : 0;
}
