import { defineCommand, type Command } from 'just-bash';
import { bytesToText } from '../just-bash-parse';
import { runKubectl } from '../../kubectl/kubectl';
import { COMMANDS } from '../../kubectl/commands';
import type { CommandSpec, KubeconfigState } from '../../kubectl/types';
import { SHELL_VERBS } from '../../kubectl/commands/shell-verbs';
import type { ClusterContext } from '../../sim/context';
import { bashCompletionScript } from '../../kubectl/completion/script';
import { ShellKubectlHost, type KubectlSessionHooks } from '../kubectl-host';
import type { Shell } from '../shell';
import { stopLine } from '../shell';
import { INTERRUPTED_EXIT_CODE } from '../run-context';
import { BACKGROUND_ENV } from '../transform';

export interface KubectlBinding {
  cluster: ClusterContext;
  hooks: KubectlSessionHooks;
  fallbackKubeconfig: KubeconfigState;
  /** Lets controllers react at the same virtual instant (a real cluster answers within milliseconds). */
  afterCommand(): void;
}

const verbName = (c: CommandSpec) => c.use.split(' ')[0];
const hasCompletionVerb = () => COMMANDS.some((c) => verbName(c) === 'completion');

/** The verb table plus the terminal verbs (exec, attach, port-forward, cp) if the table lacks them. */
let verbs: { from: number; list: CommandSpec[] } | undefined;
export function kubectlVerbs(): CommandSpec[] {
  if (verbs?.from === COMMANDS.length) return verbs.list;
  const have = new Set(COMMANDS.map(verbName));
  verbs = { from: COMMANDS.length, list: [...COMMANDS, ...SHELL_VERBS.filter((v) => !have.has(verbName(v)))] };
  return verbs.list;
}

/** `kubectl` in the shell: runKubectl over the shell's filesystem, clock and terminal. */
export function kubectlCommand(shell: Shell, binding: KubectlBinding): Command {
  return defineCommand('kubectl', async (args, ctx) => {
    if (args[0] === 'completion' && args[1] === 'bash' && !hasCompletionVerb()) {
      return { stdout: bashCompletionScript(), stderr: '', exitCode: 0 };
    }
    const run = shell.current();
    if (run.interrupted()) stopLine(ctx);
    const host = new ShellKubectlHost(binding.cluster, shell, ctx.cwd, binding.hooks, binding.fallbackKubeconfig);
    host.background = ctx.env.get(BACKGROUND_ENV) === '1';
    host.streaming = isStreaming(args) === 'endless';
    // A plain command line's kubectl writes straight to the terminal, so stdout and stderr interleave
    // as kubectl wrote them (`Warning: …` before `pod/x created`; streams as they come).
    const live = shell.claimTerminal();
    host.stdoutTerminal = live;
    let stdout = '';
    let stderr = '';
    const stdin = bytesToText(ctx.stdin);
    // Without piped or redirected input, stdin is the learner's keyboard (kubectl -t needs a terminal).
    host.stdinTerminal = stdin === '';
    const io = {
      stdin,
      out: (s: string) => (live ? run.emit(s) : (stdout += s)),
      err: (s: string) => {
        // runKubectl's CheckErr prints the Interrupted error; a Ctrl-C'd kubectl prints nothing.
        if (run.interrupted() && s === 'error: interrupted\n') return;
        // On the terminal both streams interleave as written (`If you don't see a command prompt…` before the shell).
        if (live) run.emit(s, 'stderr');
        else stderr += s;
      },
    };
    host.flushStderr = () => {
      run.emit(stderr, 'stderr');
      stderr = '';
    };
    let code: number;
    try {
      code = await runKubectl(args, host, io, kubectlVerbs());
    } finally {
      host.persistKubeconfig();
      binding.afterCommand();
    }
    if (run.interrupted()) code = INTERRUPTED_EXIT_CODE;
    return { stdout, stderr, exitCode: code };
  });
}

/**
 * Commands that print as things happen: `endless` ones run until Ctrl-C
 * (the auto mode's deadline applies), `finite` ones end on their own.
 */
function isStreaming(args: string[]): 'endless' | 'finite' | false {
  const verb = args.find((a) => !a.startsWith('-'));
  if (verb === 'get' || verb === 'events') {
    return args.some((a) => a === '-w' || a === '--watch' || a === '--watch-only' || a.startsWith('--watch=')) ? 'endless' : false;
  }
  if (verb === 'logs') return args.some((a) => a === '-f' || a === '--follow' || a === '--follow=true') ? 'endless' : false;
  if (verb === 'port-forward' || verb === 'attach') return 'endless';
  return verb === 'rollout' || verb === 'wait' || verb === 'run' || verb === 'exec' || verb === 'drain' ? 'finite' : false;
}
