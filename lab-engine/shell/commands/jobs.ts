import { defineCommand, type Command } from 'just-bash';
import type { Shell } from '../shell';
import type { SessionEnvironment } from '../../session/environment';

/**
 * Background jobs. The only long-running job a learner backgrounds is
 * `kubectl port-forward … &`: `jobs` lists active forwards, `kill %N`
 * stops one, `fg` is not supported (Ctrl-C cannot reach a background job).
 */
export function jobCommands(shell: Shell, env: SessionEnvironment): Command[] {
  const list = () => [...env.portForwards.entries()];
  return [
    defineCommand('jobs', async () => ({
      stdout: list()
        .map(([port, f], i, all) => `[${i + 1}]${i === all.length - 1 ? '+' : '-'}  Running                 kubectl port-forward ${f.pod} ${port}:${f.remotePort} &\n`)
        .join(''),
      stderr: '',
      exitCode: 0,
    })),
    defineCommand('kill', async (args) => {
      const spec = args.find((a) => a.startsWith('%'));
      if (!spec) return { stdout: '', stderr: `bash: kill: ${args[0] ?? ''}: arguments must be process or job IDs\n`, exitCode: 1 };
      const entries = list();
      const index = spec === '%%' || spec === '%+' ? entries.length - 1 : Number(spec.slice(1)) - 1;
      const entry = entries[index];
      if (!entry) return { stdout: '', stderr: `bash: kill: ${spec}: no such job\n`, exitCode: 1 };
      env.portForwards.delete(entry[0]);
      return { stdout: '', stderr: '', exitCode: 0 };
    }),
    defineCommand('fg', async () => ({ stdout: '', stderr: 'bash: fg: not supported in this terminal (stop a port-forward with kill %N)\n', exitCode: 1 })),
  ];
}
