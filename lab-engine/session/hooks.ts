import type { KubectlSessionHooks } from '../shell/kubectl-host';
import type { Shell } from '../shell/shell';
import type { SessionEnvironment } from './environment';
import { kubeletService } from './environment';
import { buildContainerShell } from './container-shell';

const SHELLS = /^(\/(usr\/)?bin\/)?(sh|bash|ash|dash|zsh)$/;

export function isShellCommand(argv: string[]): boolean {
  return argv.length === 1 && SHELLS.test(argv[0]);
}

interface ContainerView {
  spec?: { containers?: { name: string; command?: string[]; args?: string[] }[] };
  status?: { containerStatuses?: { name: string; state?: { terminated?: { exitCode: number } } }[] };
}

/** The interactive parts of kubectl that need the session: container shells, attach, port-forward. */
export function sessionHooks(env: SessionEnvironment, shell: Shell): KubectlSessionHooks {
  return {
    openContainerShell: async ({ namespace, pod, container, command }) => {
      const inner = buildContainerShell(env, { namespace, pod, container, shellName: command[0] });
      return env.session.openShell({ shell: inner, label: `${namespace}/${pod}/${container}`, kind: 'container', leaveMessage: '' });
    },
    attach: async ({ namespace, pod, container, stdin, tty }) => {
      const obj = env.cluster.store.peek('pods', namespace, pod) as ContainerView | undefined;
      const c = obj?.spec?.containers?.find((x) => x.name === container);
      const argv = [...(c?.command ?? []), ...(c?.args ?? [])];
      const run = shell.current();
      if (stdin && tty && isShellCommand(argv)) {
        const inner = buildContainerShell(env, { namespace, pod, container, shellName: argv[0] });
        return env.session.openShell({ shell: inner, label: `${namespace}/${pod}/${container}`, kind: 'container', leaveMessage: '' });
      }
      return followUntilExit(env, shell, namespace, pod, container);
    },
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

/** attach without a TTY: print what the container writes until it exits, then return its exit code. */
async function followUntilExit(env: SessionEnvironment, shell: Shell, namespace: string, pod: string, container: string): Promise<number> {
  const run = shell.current();
  const kubelet = kubeletService(env.cluster);
  for (let i = 0; i < 3600 && !run.interrupted(); i++) {
    const obj = env.cluster.store.peek('pods', namespace, pod) as ContainerView | undefined;
    const term = obj?.status?.containerStatuses?.find((s) => s.name === container)?.state?.terminated;
    if (!obj || term) {
      try {
        run.emit(kubelet?.logs(namespace, pod, { container }) ?? '');
      } catch {
        // The pod is gone or never started; kubectl prints nothing more.
      }
      return term?.exitCode ?? 0;
    }
    await run.sleep(1000);
  }
  return 130;
}
