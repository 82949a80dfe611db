import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagString } from '../args';
import { attachablePod, chooseContainer, podPhase, runAttach, upgradeError } from './shell-support';

/**
 * `kubectl attach (POD | TYPE/NAME) -c CONTAINER [-i] [-t]`
 * (kubectl/pkg/cmd/attach/attach.go, v1.32). With -it on a container whose main
 * process is a shell reading its stdin, the terminal enters that shell (`exit`
 * ends the process); otherwise it streams what the container writes from now on
 * until it exits (Ctrl-C detaches).
 */
export const attachCommand: CommandSpec = {
  use: 'attach (POD | TYPE/NAME) -c CONTAINER',
  short: 'Attach to a running container',
  flags: [],
  async run(ctx: CommandContext): Promise<number> {
    const target = ctx.flags.args[0];
    if (!target) throw new KubectlError('at least 1 argument is required for attach');
    if (ctx.flags.args.length > 2) throw new KubectlError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${ctx.flags.args.length}: [${ctx.flags.args.join(' ')}]`);
    const pod = attachablePod(ctx, ctx.flags.args.length === 2 ? `${target}/${ctx.flags.args[1]}` : target);
    const phase = podPhase(pod);
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot attach a container in a completed pod; current phase is ${phase}`);
    const quiet = ctx.flags.values.quiet === true;
    const requested = flagString(ctx.flags, 'container');
    const names = ((pod.spec?.containers ?? []) as { name: string }[]).map((c) => c.name);
    if (requested && !names.includes(requested)) throw new KubectlError(`cannot attach to the container: container ${requested} not found in pod ${pod.metadata.name}`);
    const container = chooseContainer(ctx, pod, requested, quiet);
    try {
      return await runAttach(ctx, { pod, container, stdin: ctx.flags.values.stdin === true, tty: ctx.flags.values.tty === true, quiet });
    } catch (e) {
      throw upgradeError(e);
    }
  },
};
