import { defineCommand, type Command } from 'just-bash';
import type { Shell } from '../shell';
import { stopLine } from '../shell';
import { formatDate } from './date';
import { INTERRUPTED_EXIT_CODE } from '../run-context';

const CLEAR = '\x1b[H\x1b[2J';
const COLUMNS = 80;

/**
 * procps-ng `watch`: runs the command every N seconds (default 2) and redraws
 * the screen with the title line `Every 2.0s: cmd   host: date` until Ctrl-C.
 * `-d` (highlight differences) is accepted and ignored.
 */
export function watchCommand(shell: Shell): Command {
  return defineCommand('watch', async (args, ctx) => {
    let intervalMs = 2000;
    let title = true;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '-n' || a === '--interval') intervalMs = Math.max(100, Math.round(Number(args[++i]) * 1000));
      else if (/^-n[\d.]+$/.test(a)) intervalMs = Math.max(100, Math.round(Number(a.slice(2)) * 1000));
      else if (a.startsWith('--interval=')) intervalMs = Math.max(100, Math.round(Number(a.slice(11)) * 1000));
      else if (a === '-t' || a === '--no-title') title = false;
      else if (a === '-d' || a === '--differences' || a === '-x' || a === '--exec' || a === '-c' || a === '--color') continue;
      else if (a === '--') { i++; break; }
      else if (a.startsWith('-')) return { stdout: '', stderr: `watch: invalid option -- '${a.replace(/^-+/, '')}'\n`, exitCode: 1 };
      else break;
    }
    if (Number.isNaN(intervalMs)) return { stdout: '', stderr: 'watch: failed to parse argument\n', exitCode: 1 };
    const command = args.slice(i).join(' ');
    if (!command) return { stdout: '', stderr: 'Usage:\n watch [options] command\n', exitCode: 1 };
    const run = shell.current();
    if (run.interrupted()) stopLine(ctx);
    const live = shell.claimTerminal();
    let collected = '';
    const seconds = (intervalMs / 1000).toFixed(1);
    for (let frame = 0; ; frame++) {
      if (!ctx.exec) break;
      const r = await ctx.exec(command, { cwd: ctx.cwd });
      let text = CLEAR;
      if (title) {
        const left = `Every ${seconds}s: ${command}`;
        const right = `${shell.hostname}: ${formatDate('%a %b %e %H:%M:%S %Y', run.nowMs())}`;
        text += `${left}${' '.repeat(Math.max(1, COLUMNS - left.length - right.length))}${right}\n\n`;
      }
      text += r.stdout + r.stderr;
      if (live) run.emit(text);
      else collected += text;
      await run.sleep(intervalMs, true);
      if (run.interrupted()) break;
    }
    if (live) stopLine(ctx);
    return { stdout: collected, stderr: '', exitCode: INTERRUPTED_EXIT_CODE };
  });
}
