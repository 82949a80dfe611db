import { defineCommand, type Command } from 'just-bash';
import type { Shell } from '../shell';
import type { SessionEnvironment } from '../../session/environment';
import { buildNodeShell } from '../../session/environment';

/**
 * `ssh [user@]node [command]`: a hop to another node of the topology. With a
 * command, runs it there and returns; without, opens that node's shell (its
 * own hostname, prompt and files, kept between visits) until `exit`.
 * Options (-i, -o, -p, -t) are accepted and ignored.
 */
export function sshCommand(shell: Shell, env: SessionEnvironment): Command {
  return defineCommand('ssh', async (args) => {
    const words: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (['-i', '-o', '-p', '-l', '-F'].includes(args[i])) i++;
      else if (!args[i].startsWith('-') || words.length > 0) words.push(args[i]);
    }
    const target = words[0];
    if (!target) return { stdout: '', stderr: 'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] destination [command [argument ...]]\n', exitCode: 255 };
    const host = target.replace(/^[^@]*@/, '');
    const node = env.cluster.topology.nodes.find((n) => n.name === host)?.name;
    if (!node) return { stdout: '', stderr: `ssh: Could not resolve hostname ${host}: Name or service not known\n`, exitCode: 255 };
    const remote = buildNodeShell(env, node);
    if (words.length > 1) return remote.exec(words.slice(1).join(' '), shell.current());
    const code = await env.session.openShell({ shell: remote, label: node, kind: 'node', leaveMessage: `logout\nConnection to ${node} closed.\n` });
    return { stdout: '', stderr: '', exitCode: code };
  });
}
