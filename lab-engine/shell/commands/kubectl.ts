import { decodeBytesToUtf8, defineCommand, type Command } from 'just-bash';
import { runKubectl } from '../../kubectl/kubectl';
import { COMMANDS } from '../../kubectl/commands';
import type { KubeconfigState } from '../../kubectl/types';
import type { ClusterContext } from '../../sim/context';
import { bashCompletionScript } from '../../kubectl/completion/script';
import { ShellKubectlHost, type KubectlSessionHooks } from '../kubectl-host';
import type { Shell } from '../shell';
import { stopLine } from '../shell';
import { INTERRUPTED_EXIT_CODE } from '../run-context';

export interface KubectlBinding {
  cluster: ClusterContext;
  hooks: KubectlSessionHooks;
  fallbackKubeconfig: KubeconfigState;
  /** Lets controllers react at the same virtual instant (a real cluster answers within milliseconds). */
  afterCommand(): void;
}

const hasCompletionVerb = () => COMMANDS.some((c) => c.use.split(' ')[0] === 'completion');

/** `kubectl` in the shell: runKubectl over the shell's filesystem, clock and terminal. */
export function kubectlCommand(shell: Shell, binding: KubectlBinding): Command {
  return defineCommand('kubectl', async (args, ctx) => {
    if (args[0] === 'completion' && args[1] === 'bash' && !hasCompletionVerb()) {
      return { stdout: bashCompletionScript(), stderr: '', exitCode: 0 };
    }
    const run = shell.current();
    if (run.interrupted()) stopLine(ctx);
    const host = new ShellKubectlHost(binding.cluster, shell, ctx.cwd, binding.hooks, binding.fallbackKubeconfig);
    const live = isStreaming(args) && shell.claimTerminal();
    let stdout = '';
    let stderr = '';
    const io = {
      stdin: decodeBytesToUtf8(ctx.stdin),
      out: (s: string) => (live ? run.emit(s) : (stdout += s)),
      err: (s: string) => {
        // runKubectl's CheckErr prints the Interrupted error; a Ctrl-C'd kubectl prints nothing.
        if (!(run.interrupted() && s === 'error: interrupted\n')) stderr += s;
      },
    };
    let code: number;
    try {
      code = await runKubectl(args, host, io);
    } finally {
      host.persistKubeconfig();
      binding.afterCommand();
    }
    if (run.interrupted()) code = INTERRUPTED_EXIT_CODE;
    return { stdout, stderr, exitCode: code };
  });
}

/** Commands that keep running and print as things happen. */
function isStreaming(args: string[]): boolean {
  const words = args.filter((a) => !a.startsWith('-'));
  const verb = words[0];
  if (verb === 'get' || verb === 'events') return args.some((a) => a === '-w' || a === '--watch' || a === '--watch-only' || a.startsWith('--watch='));
  if (verb === 'logs') return args.some((a) => a === '-f' || a === '--follow' || a === '--follow=true');
  return verb === 'rollout' || verb === 'wait' || verb === 'port-forward' || verb === 'attach' || verb === 'run' || verb === 'exec' || verb === 'drain';
}
