/**
 * `kubectl top node|pod` (kubectl/pkg/cmd/top, pkg/metricsutil/metrics_printer.go):
 * every cell tab-terminated, CPU as milli-cores (rounded up), memory in Mi
 * (rounded down), percentages of allocatable truncated. Data: the `metrics` service.
 */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { TabWriter } from '../printers/tabwriter';
import { METRICS_SERVICE, type MetricsService, type PodMetrics } from '../printers/metrics-port';
import { matches, parseSelector } from '../../api/selectors/label-selector';
import { milliValue, parseQuantity } from '../describe/quantity';
import { goSortSlice } from '../output/go-sort';

const MI = 1024 * 1024;

function metricsOf(ctx: CommandContext): MetricsService {
  const m = ctx.host.cluster.services.get(METRICS_SERVICE) as MetricsService | undefined;
  if (!m) throw new KubectlError('Metrics API not available');
  return m;
}

const cpu = (q: string) => `${milliValue(parseQuantity(q))}m`;
const mem = (q: string) => `${Math.floor(parseQuantity(q).value / MI)}Mi`;

function sortByFlag<T>(ctx: CommandContext, items: T[], usage: (t: T) => { cpu: number; memory: number }): T[] {
  const by = flagString(ctx.flags, 'sort-by');
  if (!by) return items;
  if (by !== 'cpu' && by !== 'memory') throw new KubectlError(`--sort-by accepts only cpu or memory`);
  // metricsutil/metrics_sorter.go Less (descending) under Go's unstable sort.Sort: ties land where pdqsort puts them
  return goSortSlice(items, (a, b) => usage(a)[by] > usage(b)[by]);
}

const topNode: CommandSpec = {
  use: 'node [NAME | -l label]',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  flags: [],
  run(ctx) {
    const m = metricsOf(ctx);
    const name = ctx.flags.args[0];
    const sel = flagString(ctx.flags, 'selector') ? parseSelector(flagString(ctx.flags, 'selector')) : null;
    const nodes = ctx.api.list(ctx.host.cluster.registry.forResource('nodes')!, {}).items.filter((n) => (!name || n.metadata.name === name) && (!sel || matches(sel, n.metadata.labels)));
    if (name && nodes.length === 0) throw new KubectlError(`nodes "${name}" not found`);
    const byName = new Map(m.nodeMetrics().map((x) => [x.name, x]));
    let rows = nodes.map((n) => ({ n, u: byName.get(n.metadata.name!) }));
    rows = sortByFlag(ctx, rows, (r) => ({ cpu: r.u ? milliValue(parseQuantity(r.u.usage.cpu)) : -1, memory: r.u ? parseQuantity(r.u.usage.memory).value : -1 }));
    const w = new TabWriter(6, 4, 3);
    if (!flagBool(ctx.flags, 'no-headers')) w.write('NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n');
    for (const { n, u } of rows.filter((r) => r.u)) w.write(nodeRow(n, u!.usage));
    for (const { n } of rows.filter((r) => !r.u)) w.write(`${n.metadata.name}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t\n`);
    ctx.io.out(w.flush());
    return 0;
  },
};

function nodeRow(n: KubeObject, usage: { cpu: string; memory: string }): string {
  const alloc = n.status?.allocatable ?? n.status?.capacity ?? {};
  const cpuPct = Math.trunc((milliValue(parseQuantity(usage.cpu)) / Math.max(1, milliValue(parseQuantity(alloc.cpu)))) * 100);
  const memPct = Math.trunc((parseQuantity(usage.memory).value / Math.max(1, parseQuantity(alloc.memory).value)) * 100);
  return `${n.metadata.name}\t${cpu(usage.cpu)}\t${cpuPct}%\t${mem(usage.memory)}\t${memPct}%\t\n`;
}

const topPod: CommandSpec = {
  use: 'pod [NAME | -l label]',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  flags: [],
  run(ctx) {
    const m = metricsOf(ctx);
    const all = flagBool(ctx.flags, 'all-namespaces');
    const name = ctx.flags.args[0];
    const sel = flagString(ctx.flags, 'selector') ? parseSelector(flagString(ctx.flags, 'selector')) : null;
    let pods = m.podMetrics(all ? undefined : ctx.namespace).filter((p) => (!name || p.name === name) && (!sel || matches(sel, p.labels)));
    // the metrics API's NotFound for the named PodMetrics
    if (name && pods.length === 0) throw new KubectlError(`Error from server (NotFound): pods.metrics.k8s.io "${name}" not found`, 1, true);
    if (pods.length === 0) {
      ctx.io.err(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
      return 0;
    }
    const sum = (p: PodMetrics, k: 'cpu' | 'memory') => p.containers.reduce((a, c) => a + parseQuantity(c.usage[k]).value, 0);
    pods = sortByFlag(ctx, pods, (p) => ({ cpu: milliValue({ value: sum(p, 'cpu'), binary: false }), memory: sum(p, 'memory') }));
    const containers = flagBool(ctx.flags, 'containers');
    const w = new TabWriter(6, 4, 3);
    if (!flagBool(ctx.flags, 'no-headers')) w.write(`${all ? 'NAMESPACE\t' : ''}${containers ? 'POD\tNAME' : 'NAME'}\tCPU(cores)\tMEMORY(bytes)\t\n`);
    for (const p of pods) {
      const ns = all ? `${p.namespace}\t` : '';
      if (containers) for (const c of p.containers) w.write(`${ns}${p.name}\t${c.name}\t${cpu(c.usage.cpu)}\t${mem(c.usage.memory)}\t\n`);
      else w.write(`${ns}${p.name}\t${milliValue({ value: sum(p, 'cpu'), binary: false })}m\t${Math.floor(sum(p, 'memory') / MI)}Mi\t\n`);
    }
    ctx.io.out(w.flush());
    return 0;
  },
};

export const top: CommandSpec = {
  use: 'top',
  short: 'Display resource (CPU/memory) usage',
  flags: [],
  subcommands: [topNode, topPod],
};
