import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandSpec } from '../types';
import { Interrupted, KubectlError } from '../types';
import { flagStrings } from '../args';
import { attachablePod, sessionHooks } from './shell-support';

/**
 * `kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT...`
 * (kubectl/pkg/cmd/portforward/portforward.go). Runs until Ctrl-C; started
 * with `&` it returns at once and the forward stays until `kill %N`. While
 * it is active, `curl localhost:LOCAL_PORT` on the node reaches the pod.
 * A `svc/NAME` port is translated to the pod's target port, as kubectl does.
 */
interface PortPair {
  local: number;
  remote: number;
}

function parsePort(s: string, what: 'local' | 'remote'): number {
  if (!/^\d+$/.test(s) || Number(s) > 65535) {
    throw new KubectlError(`Error parsing ${what} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: ${/^\d+$/.test(s) ? 'value out of range' : 'invalid syntax'}`);
  }
  return Number(s);
}

interface PodSpecView {
  spec?: { containers?: { ports?: { name?: string; containerPort: number }[] }[] };
  status?: { phase?: string };
}

/** util.LookupContainerPortNumberByServicePort: service port → the pod port it targets. */
function servicePortToPod(svc: KubeObject, pod: KubeObject, port: number): number {
  const ports = (svc.spec as { ports?: { port: number; targetPort?: number | string }[] } | undefined)?.ports ?? [];
  const sp = ports.find((p) => p.port === port);
  if (!sp) throw new KubectlError(`Service ${svc.metadata.name} does not have a service port ${port}`);
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  for (const c of (pod as unknown as PodSpecView).spec?.containers ?? []) {
    const named = c.ports?.find((p) => p.name === target);
    if (named) return named.containerPort;
  }
  throw new KubectlError(`Pod '${pod.metadata.name}' does not have a named port '${target}'`);
}

function parsePorts(ctx: CommandContext, specs: string[], svc: KubeObject | undefined, pod: KubeObject): PortPair[] {
  return specs.map((s) => {
    const [l, r] = s.includes(':') ? s.split(':', 2) : [s, s];
    const remoteRaw = parsePort(r, 'remote');
    const remote = svc ? servicePortToPod(svc, pod, remoteRaw) : remoteRaw;
    // An empty local port asks for a free one; the simulated node has them all free.
    const local = l === '' ? 30000 + ctx.host.cluster.rng.derive('port-forward').int(30000) : parsePort(l, 'local');
    return { local, remote };
  });
}

export const portForwardCommand: CommandSpec = {
  use: 'port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  short: 'Forward one or more local ports to a pod',
  flags: [],
  async run(ctx: CommandContext): Promise<number> {
    const [target, ...specs] = ctx.flags.args;
    if (!target || specs.length === 0) {
      ctx.io.err("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
      return 1;
    }
    const pod = attachablePod(ctx, target);
    const svcName = /^(svc|service|services)\/(.+)$/.exec(target)?.[2];
    const svc = svcName ? ctx.api.get(ctx.api.resolve('services')!, ctx.namespace, svcName) : undefined;
    const pairs = parsePorts(ctx, specs, svc, pod);
    const phase = (pod as unknown as PodSpecView).status?.phase;
    if (phase !== 'Running') throw new KubectlError(`unable to forward port because pod is not running. Current status=${phase ?? 'Unknown'}`);
    const address = flagStrings(ctx.flags, 'address');
    const addresses = address.length > 0 ? address : ['localhost'];
    for (const p of pairs) {
      for (const a of addresses) {
        if (a === 'localhost') ctx.io.out(`Forwarding from 127.0.0.1:${p.local} -> ${p.remote}\nForwarding from [::1]:${p.local} -> ${p.remote}\n`);
        else ctx.io.out(`Forwarding from ${a}:${p.local} -> ${p.remote}\n`);
      }
    }
    const hooks = sessionHooks(ctx);
    const fwd = hooks.portForward?.({ namespace: ctx.namespace, pod: pod.metadata.name ?? '', ports: pairs, address: addresses });
    if ((ctx.host as { background?: boolean }).background) return 0;
    try {
      for (let i = 0; i < 1_000_000; i++) await ctx.host.sleep(3_600_000);
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
    } finally {
      fwd?.close();
    }
    return 130;
  },
};
