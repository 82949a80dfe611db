import { defineCommand, type Command } from 'just-bash';
import type { Shell } from '../shell';

/**
 * `vi`, `vim`, `nano` (and `view`, `vim.tiny`): ask the host for an editor.
 * The lab UI shows its editor panel; the script runner takes the text from
 * the script (`#@edit` blocks); a replay takes it from the transcript. A
 * saved buffer is written to the file; quitting without saving changes
 * nothing. Only the first file argument is edited; options are ignored.
 */
export const EDITOR_NAMES = ['vi', 'vim', 'nano', 'view', 'vim.tiny', 'nvim'];

export function editorCommands(shell: Shell): Command[] {
  return EDITOR_NAMES.map((name) =>
    defineCommand(name, async (args, ctx) => {
      const file = args.find((a) => !a.startsWith('-') && !a.startsWith('+'));
      const path = file ? ctx.fs.resolvePath(ctx.cwd, file) : '';
      if (path && shell.fs.isDirectorySync(path)) {
        // vim opens netrw on a directory; nano refuses. Neither is useful here.
        return { stdout: '', stderr: `${name}: ${file}: Is a directory\n`, exitCode: 1 };
      }
      const before = path ? shell.fs.readSync(path) ?? '' : '';
      const saved = await shell.current().edit(path, before);
      if (saved !== null && path && name !== 'view') {
        try {
          await ctx.fs.writeFile(path, saved);
        } catch {
          return { stdout: '', stderr: `"${file}" E212: Can't open file for writing\n`, exitCode: 1 };
        }
      }
      return { stdout: '', stderr: '', exitCode: 0 };
    }),
  );
}
