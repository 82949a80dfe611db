import type { CommandContext, CommandSpec } from '../types';
import { Interrupted, KubectlError } from '../types';
import { flagString } from '../args';
import type { ExecResult } from '../../kubelet/types';
import { attachablePod, checkNotCompleted, chooseContainer, InterruptExit, kubelet, sessionHooks, upgradeError, withInterruptHandler } from './shell-support';

const SHELLS = /^(\/(usr\/)?bin\/)?(sh|bash|ash|dash|zsh)$/;

/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`
 * (kubectl/pkg/cmd/exec/exec.go). `-it … -- sh` opens a shell inside the
 * container in the terminal until `exit`; other commands run through the
 * kubelet and print their output. A non-zero exit prints
 * `command terminated with exit code N` and kubectl exits with N.
 */
export const execCommand: CommandSpec = {
  use: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  short: 'Execute a command in a container',
  flags: [],
  async run(ctx: CommandContext): Promise<number> {
    const { args, afterDash, argsLenAtDash } = ctx.flags;
    const before = argsLenAtDash >= 0 ? args.slice(0, argsLenAtDash) : args;
    if (before.length === 0 && flagString(ctx.flags, 'filename') === '') throw new KubectlError('pod, type/name or --filename must be specified');
    if (argsLenAtDash < 0 && args.length > 1) {
      ctx.io.err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
      return 1;
    }
    const command = argsLenAtDash >= 0 ? [...args.slice(argsLenAtDash), ...afterDash] : afterDash;
    if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
    const pod = attachablePod(ctx, before[0]);
    checkNotCompleted(pod);
    const quiet = ctx.flags.values.quiet === true;
    const container = chooseContainer(ctx, pod, flagString(ctx.flags, 'container'), quiet);
    const stdin = ctx.flags.values.stdin === true;
    // StreamOptions.SetupTTY (exec.go): a TTY only with -i and a terminal on stdin.
    let tty = stdin && ctx.flags.values.tty === true;
    if (tty && !(ctx.host.stdinIsTerminal?.() ?? true)) {
      tty = false;
      if (!quiet) ctx.io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    }
    const name = pod.metadata.name ?? '';
    const hooks = sessionHooks(ctx);
    let code: number;
    if (stdin && tty && command.length === 1 && SHELLS.test(command[0]) && hooks.openContainerShell) {
      try {
        kubelet(ctx).containerFs(ctx.namespace, name, container); // fails like the kubelet before the shell opens
      } catch (e) {
        throw upgradeError(e);
      }
      ctx.host.flushStderr?.();
      code = await hooks.openContainerShell({ namespace: ctx.namespace, pod: name, container, command });
    } else {
      let r: ReturnType<ReturnType<typeof kubelet>['exec']>;
      try {
        r = kubelet(ctx).exec(ctx.namespace, name, container, command, { stdin: stdin ? ctx.io.stdin : undefined, tty });
      } catch (e) {
        throw upgradeError(e);
      }
      code = await awaitExec(ctx, r, { raw: stdin && tty, handler: stdin && !tty && (ctx.host.stdinIsTerminal?.() ?? true) });
    }
    if (code !== 0) ctx.io.err(`command terminated with exit code ${code}\n`);
    return code;
  },
};

/**
 * Lets the exec'd command's time pass and shows what it wrote. Ctrl-C meanwhile is decided by the
 * terminal as in exec.go's t.Safe (kubectl/pkg/util/term): raw (-it) sends it to the container's
 * TTY, where the command — not PID 1 — dies of SIGINT (exit 130, `command terminated with exit code
 * 130`); -i on a terminal runs kubectl's interrupt handler (exit 1); otherwise SIGINT kills kubectl.
 * Either way what the command wrote before it is on the screen.
 */
async function awaitExec(ctx: CommandContext, r: ExecResult, mode: { raw: boolean; handler: boolean }): Promise<number> {
  const show = (untilMs: number) => {
    for (const o of r.output ?? [{ atMs: 0, stream: 'stdout' as const, text: r.stdout }, { atMs: 0, stream: 'stderr' as const, text: r.stderr }]) {
      if (o.atMs > untilMs || !o.text) continue;
      if (o.stream === 'stdout') ctx.io.out(o.text);
      else ctx.io.err(o.text);
    }
  };
  if (!(r.durationMs > 0)) {
    show(0);
    return r.exitCode;
  }
  const clock = ctx.host.cluster.clock;
  const startMs = clock.nowMs();
  const elapsed = () => clock.nowMs() - startMs;
  if (!mode.raw && !mode.handler) {
    try {
      await ctx.host.sleep(r.durationMs);
    } catch (e) {
      if (e instanceof Interrupted) show(elapsed());
      throw e;
    }
    show(r.durationMs);
    return r.exitCode;
  }
  return withInterruptHandler(ctx, async (caught) => {
    await ctx.host.sleep(r.durationMs);
    if (!caught()) {
      show(r.durationMs);
      return r.exitCode;
    }
    show(elapsed());
    if (mode.handler) throw new InterruptExit();
    ctx.io.out('^C'); // the container's TTY echoes it (ECHOCTL)
    return 130;
  });
}
