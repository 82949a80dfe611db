import { defineCommand, type Command } from 'just-bash';
import type { Shell } from '../shell';
import { runDate } from './date';
import { sleepCommand } from './sleep';
import { watchCommand } from './watch';
import { editorCommands } from './editor';
import { historyCommand } from './history';
import { xargsCommand } from './xargs';

/** Commands every shell has (node and container shells alike), replacing just-bash's where they read real time. */
export function builtinCommands(shell: Shell): Command[] {
  return [
    defineCommand('date', async (args) => runDate(args, shell.current().nowMs())),
    sleepCommand(shell),
    watchCommand(shell),
    historyCommand(shell),
    xargsCommand(),
    ...editorCommands(shell),
    // bash-completion's `complete`/`compopt`: completion is served by the session's complete() API.
    defineCommand('hostname', async () => ({ stdout: `${shell.hostname}\n`, stderr: '', exitCode: 0 })),
    defineCommand('complete', async () => ({ stdout: '', stderr: '', exitCode: 0 })),
    defineCommand('compopt', async () => ({ stdout: '', stderr: '', exitCode: 0 })),
  ];
}
