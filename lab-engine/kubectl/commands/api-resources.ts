/**
 * `kubectl api-resources` / `kubectl api-versions` (kubectl/pkg/cmd/apiresources)
 * from the engine's discovery list (api/discovery.ts) plus registered custom resources.
 */
import type { ResourceInfo } from '../../api/registry';
import { DISCOVERY } from '../../api/discovery';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { TabWriter } from '../printers/tabwriter';

/** Discovery as the server would serve it now: built-ins plus CRD-registered kinds. */
export function servedResources(ctx: CommandContext): ResourceInfo[] {
  const seen = new Set(DISCOVERY.map((d) => `${d.group}/${d.resource}`));
  const extra = ctx.host.cluster.registry.all().filter((d) => !seen.has(`${d.group}/${d.resource}`));
  const metrics = ctx.host.cluster.services.has('metrics');
  const list = [...DISCOVERY, ...extra].filter((d) => metrics || d.group !== 'metrics.k8s.io');
  // metrics-server's aggregated API (metrics.k8s.io/v1beta1) when the metrics pipeline runs.
  if (metrics && !list.some((d) => d.group === 'metrics.k8s.io')) {
    const m = (resource: string, kind: string, namespaced: boolean): ResourceInfo => ({ group: 'metrics.k8s.io', version: 'v1beta1', resource, kind, namespaced, singular: '', verbs: ['get', 'list'] });
    list.push(m('nodes', 'NodeMetrics', false), m('pods', 'PodMetrics', true));
  }
  return list;
}

const gv = (d: ResourceInfo) => (d.group ? `${d.group}/${d.version}` : d.version);

export const apiResources: CommandSpec = {
  use: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: [],
  run(ctx) {
    const o = flagString(ctx.flags, 'output');
    if (o && o !== 'wide' && o !== 'name') throw new KubectlError(`--output ${o} is not available`);
    let list = servedResources(ctx);
    const group = flagString(ctx.flags, 'api-group');
    if (ctx.flags.changed.has('api-group')) list = list.filter((d) => d.group === group);
    if (ctx.flags.changed.has('namespaced')) list = list.filter((d) => d.namespaced === flagBool(ctx.flags, 'namespaced'));
    const verbs = flagString(ctx.flags, 'verbs');
    if (verbs) list = list.filter((d) => verbs.split(',').every((v) => d.verbs.includes(v)));
    const cats = flagString(ctx.flags, 'categories');
    if (cats) list = list.filter((d) => cats.split(',').every((c) => (d.categories ?? []).includes(c)));
    const sortBy = flagString(ctx.flags, 'sort-by');
    list = [...list].sort((a, b) => compare(a, b, sortBy));
    if (o === 'name') {
      ctx.io.out(list.map((d) => (d.group ? `${d.resource}.${d.group}\n` : `${d.resource}\n`)).join(''));
      return 0;
    }
    const w = new TabWriter(6, 4, 3);
    const wide = o === 'wide';
    if (!flagBool(ctx.flags, 'no-headers')) w.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`);
    for (const d of list) {
      let line = `${d.resource}\t${(d.shortNames ?? []).join(',')}\t${gv(d)}\t${d.namespaced}\t${d.kind}`;
      if (wide) line += `\t${d.verbs.join(',')}\t${(d.categories ?? []).join(',')}`;
      w.write(line + '\n');
    }
    ctx.io.out(w.flush());
    return 0;
  },
};

/** Group order: core first, then groups alphabetically; then by resource name (or --sort-by=name|kind). */
function compare(a: ResourceInfo, b: ResourceInfo, sortBy: string): number {
  const s = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  if (sortBy === 'name') return s(a.resource, b.resource);
  if (sortBy === 'kind') return s(a.kind, b.kind);
  if (a.group !== b.group) return a.group === '' ? -1 : b.group === '' ? 1 : s(a.group, b.group);
  return s(a.resource, b.resource);
}

export const apiVersions: CommandSpec = {
  use: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  flags: [],
  run(ctx) {
    const set = new Set(servedResources(ctx).map(gv));
    // The autoscaling group also serves v1 (HPA in both versions).
    if (set.has('autoscaling/v2')) set.add('autoscaling/v1');
    ctx.io.out([...set].sort().map((v) => `${v}\n`).join(''));
    return 0;
  },
};

export const clusterInfo: CommandSpec = {
  use: 'cluster-info',
  short: 'Display cluster information',
  flags: [],
  run(ctx) {
    if (ctx.flags.args[0] === 'dump') throw new KubectlError('cluster-info dump is not supported in this lab');
    const cfg = ctx.host.kubeconfig;
    const cur = cfg.contexts.find((c) => c.name === cfg.currentContext);
    const server = cfg.clusters.find((c) => c.name === cur?.cluster)?.server ?? 'https://controlplane:6443';
    let out = `Kubernetes control plane is running at ${server}\n`;
    const svcs = ctx.api.list(ctx.host.cluster.registry.forResource('services')!, { namespace: 'kube-system', labelSelector: 'kubernetes.io/cluster-service=true' }).items;
    for (const s of svcs) {
      const name = s.metadata.labels?.['kubernetes.io/name'] ?? s.metadata.name;
      const port = s.spec?.ports?.[0]?.name ? `:${s.spec.ports[0].name}` : '';
      out += `${name} is running at ${server}/api/v1/namespaces/kube-system/services/${s.metadata.name}${port}/proxy\n`;
    }
    out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    ctx.io.out(out);
    return 0;
  },
};
