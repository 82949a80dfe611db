import { defineCommand, type Command } from 'just-bash';
import type { Shell } from '../shell';
import type { SessionEnvironment } from '../../session/environment';
import { kubeletService } from '../../session/environment';
import { formatDate } from './date';
import { sudoCommand } from './sudo';

/**
 * Node administration a CKA task touches: `systemctl status|stop|start|
 * restart kubelet` (stops/starts the simulated kubelet through the kubelet
 * service), `crictl ps` / `crictl images` from the pods bound to this node.
 * Other units answer as systemd does for an unknown unit; `journalctl -u
 * kubelet` prints a short log. Not supported: other crictl verbs, editing the
 * kubelet's systemd drop-ins.
 */
export function nodeCommands(shell: Shell, env: SessionEnvironment, node: string): Command[] {
  return [systemctl(shell, env, node), crictl(env, node), journalctl(shell, node), sudoCommand()];
}

const UNITS = ['kubelet', 'containerd'];

function systemctl(shell: Shell, env: SessionEnvironment, node: string): Command {
  return defineCommand('systemctl', async (args) => {
    const verb = args.find((a) => !a.startsWith('-')) ?? 'list-units';
    const unit = (args.filter((a) => !a.startsWith('-'))[1] ?? '').replace(/\.service$/, '');
    const kubelet = kubeletService(env.cluster);
    if (!UNITS.includes(unit)) {
      if (verb === 'status') return { stdout: '', stderr: `Unit ${unit}.service could not be found.\n`, exitCode: 4 };
      return { stdout: '', stderr: `Failed to ${verb} ${unit}.service: Unit ${unit}.service not found.\n`, exitCode: 5 };
    }
    const running = unit !== 'kubelet' || (kubelet?.isNodeRunning(node) ?? true);
    switch (verb) {
      case 'stop':
        if (unit === 'kubelet') kubelet?.stopNode(node);
        env.cluster.step();
        return { stdout: '', stderr: '', exitCode: 0 };
      case 'start':
      case 'restart':
        if (unit === 'kubelet') {
          if (verb === 'restart') kubelet?.stopNode(node);
          kubelet?.startNode(node);
        }
        env.cluster.step();
        return { stdout: '', stderr: '', exitCode: 0 };
      case 'enable':
      case 'disable':
      case 'daemon-reload':
        return { stdout: '', stderr: '', exitCode: 0 };
      case 'is-active':
        return { stdout: running ? 'active\n' : 'inactive\n', stderr: '', exitCode: running ? 0 : 3 };
      case 'status':
        return { stdout: unitStatus(unit, running, shell.current().nowMs()), stderr: '', exitCode: running ? 0 : 3 };
      default:
        return { stdout: '', stderr: `Unknown command verb ${verb}.\n`, exitCode: 1 };
    }
  });
}

function unitStatus(unit: string, running: boolean, nowMs: number): string {
  const since = formatDate('%a %Y-%m-%d %H:%M:%S UTC', nowMs);
  const desc = unit === 'kubelet' ? 'kubelet: The Kubernetes Node Agent' : 'containerd container runtime';
  const state = running ? `active (running) since ${since}` : `inactive (dead) since ${since}`;
  const drop = unit === 'kubelet' ? '    Drop-In: /usr/lib/systemd/system/kubelet.service.d\n             └─10-kubeadm.conf\n' : '';
  return `${running ? '●' : '○'} ${unit}.service - ${desc}\n     Loaded: loaded (/lib/systemd/system/${unit}.service; enabled; vendor preset: enabled)\n${drop}     Active: ${state}\n`;
}

function crictl(env: SessionEnvironment, node: string): Command {
  return defineCommand('crictl', async (args) => {
    const verb = args.find((a) => !a.startsWith('-'));
    if (verb === 'images') {
      const images = kubeletService(env.cluster)?.nodeImages(node) ?? [];
      const rows = images.map((i) => {
        const [repo, tag] = i.name.includes(':') ? [i.name.slice(0, i.name.lastIndexOf(':')), i.name.slice(i.name.lastIndexOf(':') + 1)] : [i.name, 'latest'];
        return [repo, tag, '', `${(i.sizeBytes / 1e6).toFixed(1)}MB`];
      });
      return { stdout: table(['IMAGE', 'TAG', 'IMAGE ID', 'SIZE'], rows), stderr: '', exitCode: 0 };
    }
    if (verb === 'ps' || verb === 'pods') {
      const pods = env.cluster.store.peekList('pods').filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === node);
      if (verb === 'pods') {
        const rows = pods.map((p) => [String(p.metadata.uid ?? '').slice(0, 13), 'Ready', p.metadata.name ?? '', p.metadata.namespace ?? '', '0']);
        return { stdout: table(['POD ID', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT'], rows), stderr: '', exitCode: 0 };
      }
      const rows: string[][] = [];
      for (const p of pods) {
        const statuses = ((p.status as { containerStatuses?: { name: string; image: string; restartCount: number; containerID?: string; state?: Record<string, unknown> }[] })?.containerStatuses ?? []);
        for (const c of statuses) {
          if (!c.state?.running && !args.includes('-a')) continue;
          rows.push([(c.containerID ?? '').replace(/^\w+:\/\//, '').slice(0, 13), c.image, c.state?.running ? 'Running' : 'Exited', c.name, String(c.restartCount), p.metadata.name ?? '']);
        }
      }
      return { stdout: table(['CONTAINER', 'IMAGE', 'STATE', 'NAME', 'ATTEMPT', 'POD'], rows), stderr: '', exitCode: 0 };
    }
    return { stdout: '', stderr: `crictl: ${verb ?? ''}: not supported in this lab (supported: ps, pods, images)\n`, exitCode: 1 };
  });
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join('').trimEnd();
  return [header, ...rows].map(line).join('\n') + '\n';
}

function journalctl(shell: Shell, node: string): Command {
  return defineCommand('journalctl', async (args) => {
    const unit = args[args.indexOf('-u') + 1];
    if (!args.includes('-u') || !unit) return { stdout: '-- No entries --\n', stderr: '', exitCode: 0 };
    const t = formatDate('%b %d %H:%M:%S', shell.current().nowMs());
    return { stdout: `${t} ${node} systemd[1]: Started ${unit}.service.\n`, stderr: '', exitCode: 0 };
  });
}
