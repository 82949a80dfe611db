import { defineCommand, type Command } from 'just-bash';
import { bytesToText } from '../just-bash-parse';

/**
 * `sudo` on a node (sudo 1.9, Ubuntu 22.04). The lab's user is already root,
 * as on Killercoda, so sudo runs the command as it is: `sudo systemctl
 * restart kubelet`, `echo … | sudo tee /etc/x`, `sudo -E kubectl …`.
 * `sudo -i` / `sudo -s` / `sudo su -` without a command would open a root
 * shell; the learner already has one, so they return at once.
 */
const USAGE = [
  'usage: sudo -h | -K | -k | -V',
  'usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]',
  'usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command]',
  'usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i|-s] [<command>]',
  'usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...',
].join('\n');

const FLAGS = new Set(['-A', '-B', '-b', '-E', '-H', '-k', '-K', '-N', '-n', '-P', '-S', '-i', '-s', '--preserve-env', '--login', '--shell', '--non-interactive', '--set-home']);
const VALUED = new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-R', '-T', '-r', '-t', '--user', '--group']);

function quote(word: string): string {
  return `'${word.replace(/'/g, "'\\''")}'`;
}

export function sudoCommand(): Command {
  return defineCommand('sudo', async (args, ctx) => {
    let i = 0;
    let user = 'root';
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        i++;
        break;
      }
      if (VALUED.has(a)) {
        const v = args[++i];
        if (v === undefined) return { stdout: '', stderr: `sudo: option requires an argument -- '${a.replace(/^-+/, '')}'\n${USAGE}\n`, exitCode: 1 };
        if (a === '-u' || a === '--user') user = v;
        continue;
      }
      if (/^-u./.test(a)) {
        user = a.slice(2);
        continue;
      }
      if (FLAGS.has(a) || /^-[ABbEHkKNnPSis]+$/.test(a)) continue;
      if (a.startsWith('-')) return { stdout: '', stderr: `sudo: invalid option -- '${a.replace(/^-+/, '')[0]}'\n${USAGE}\n`, exitCode: 1 };
      break;
    }
    if (user !== 'root' && user !== '#0') return { stdout: '', stderr: `sudo: unknown user ${user}\nsudo: error initializing audit plugin sudoers_audit\n`, exitCode: 1 };
    while (i < args.length && /^[A-Za-z_]\w*=/.test(args[i])) i++; // VAR=value: the environment is already root's
    const argv = args.slice(i);
    const shellFlag = args.slice(0, i).some((a) => a === '-i' || a === '-s' || a === '--login' || a === '--shell' || /^-[A-Za-z]*[is]/.test(a));
    if (argv.length === 0) return shellFlag ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: '', stderr: `${USAGE}\n`, exitCode: 1 };
    if (argv[0] === 'su' && argv.slice(1).every((a) => a === '-' || a === '-l' || a === '--login' || a === 'root')) return { stdout: '', stderr: '', exitCode: 0 };
    if (!ctx.exec) return { stdout: '', stderr: `sudo: ${argv[0]}: command not found\n`, exitCode: 1 };
    const r = await ctx.exec(quote(argv[0]), { cwd: ctx.cwd, signal: ctx.signal, args: argv.slice(1), stdin: bytesToText(ctx.stdin) });
    if (r.exitCode === 127 && /command not found/.test(r.stderr)) return { stdout: r.stdout, stderr: `sudo: ${argv[0]}: command not found\n`, exitCode: 1 };
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  });
}
