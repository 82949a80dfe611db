import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagString } from '../args';
import { attachablePod, checkNotCompleted, chooseContainer, kubelet } from './shell-support';

/**
 * `kubectl attach (POD | TYPE/NAME) -c CONTAINER [-i] [-t]`
 * (kubectl/pkg/cmd/attach/attach.go). With -it on a container whose main
 * process is a shell, the terminal enters that shell; otherwise it prints the
 * container's output until it exits (Ctrl-C detaches).
 */
export const attachCommand: CommandSpec = {
  use: 'attach (POD | TYPE/NAME) -c CONTAINER',
  short: 'Attach to a running container',
  flags: [],
  async run(ctx: CommandContext): Promise<number> {
    const target = ctx.flags.args[0];
    if (!target) throw new KubectlError('at least 1 argument is required for attach');
    if (ctx.flags.args.length > 1) throw new KubectlError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${ctx.flags.args.length}: [${ctx.flags.args.join(' ')}]`);
    const pod = attachablePod(ctx, target);
    checkNotCompleted(pod);
    const container = chooseContainer(ctx, pod, flagString(ctx.flags, 'container'), ctx.flags.values.quiet === true);
    const stdin = ctx.flags.values.stdin === true;
    const tty = ctx.flags.values.tty === true;
    const name = pod.metadata.name ?? '';
    // attach.go: shown before a TTY session starts (the container's prompt may already have been printed).
    if (stdin && tty && ctx.flags.values.quiet !== true) ctx.io.err("If you don't see a command prompt, try pressing enter.\n");
    if (ctx.host.attach) return ctx.host.attach({ namespace: ctx.namespace, pod: name, container, stdin, tty });
    ctx.io.out(kubelet(ctx).logs(ctx.namespace, name, { container }));
    return 0;
  },
};
