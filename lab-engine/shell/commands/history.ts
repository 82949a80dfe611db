import { defineCommand, type Command } from 'just-bash';
import type { Shell } from '../shell';

/** bash's `history [N]` / `history -c`, numbered as bash prints them (`%5d  %s`). */
export function historyCommand(shell: Shell): Command {
  return defineCommand('history', async (args) => {
    if (args[0] === '-c') {
      shell.history.length = 0;
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    if (args[0] !== undefined && !/^\d+$/.test(args[0])) {
      return { stdout: '', stderr: `bash: history: ${args[0]}: numeric argument required\n`, exitCode: 1 };
    }
    const all = shell.history.map((line, i) => `${String(i + 1).padStart(5)}  ${line}\n`);
    const n = args[0] === undefined ? all.length : Number(args[0]);
    return { stdout: all.slice(Math.max(0, all.length - n)).join(''), stderr: '', exitCode: 0 };
  });
}
