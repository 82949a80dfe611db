import { defineCommand, type Command } from 'just-bash';
import type { Shell } from '../shell';
import { stopLine } from '../shell';
import { BACKGROUND_ENV } from '../transform';

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** GNU sleep's NUMBER[SUFFIX]… (summed); `infinity` sleeps until Ctrl-C. */
export function parseSleepMs(args: string[]): number | { error: string } {
  if (args.length === 0) return { error: "sleep: missing operand\nTry 'sleep --help' for more information.\n" };
  let total = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return Number.POSITIVE_INFINITY;
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return { error: `sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n` };
    total += Number(m[1]) * UNIT_MS[m[2]];
  }
  return Math.round(total);
}

/** `sleep` on the virtual clock: the cluster keeps running while the learner waits. */
export function sleepCommand(shell: Shell): Command {
  return defineCommand('sleep', async (args, ctx) => {
    const ms = parseSleepMs(args);
    if (typeof ms !== 'number') return { stdout: '', stderr: ms.error, exitCode: 1 };
    const run = shell.current();
    if (run.interrupted()) stopLine(ctx);
    if (ctx.env.get(BACKGROUND_ENV) === '1') return { stdout: '', stderr: '', exitCode: 0 };
    await run.sleep(ms, ms === Number.POSITIVE_INFINITY);
    // Nothing to hand back: end the whole line now, as SIGINT ends bash's foreground job.
    if (run.interrupted()) stopLine(ctx);
    return { stdout: '', stderr: '', exitCode: 0 };
  });
}

