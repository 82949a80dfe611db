import type { KubeObject } from '../../api/types';
import type { KindDef } from '../../api/registry';
import { genericStatus, isApiError } from '../../api/errors';
import { resourceKey } from '../../api/store';
import { matchesLabelSelector } from '../../api/selectors/label-selector';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagInt } from '../args';
import { AggregateError } from '../check-err';
import { dryRunStrategy } from '../flags';
import { runCordonOrUncordon, selectNodes } from './cordon';

/** `kubectl drain` (kubectl/pkg/cmd/drain/drain.go + pkg/drain): cordon, filter, evict, wait. */
export const drain: CommandSpec = {
  use: 'drain NODE',
  short: 'Drain node in preparation for maintenance',
  flags: [],
  run: runDrain,
};

type Status = { pod: KubeObject; delete: boolean; reason?: 'warning' | 'error'; message?: string };

// pkg/drain/filters.go messages
const DS_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DS_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

async function runDrain(ctx: CommandContext): Promise<number> {
  const dryRun = dryRunStrategy(ctx);
  const { nodes, errors } = selectNodes(ctx, 'drain NODE');
  if (errors.length > 0) throw new AggregateError(errors);
  runCordonOrUncordon(ctx, true);
  const remaining: string[] = [];
  let fatal: Error | undefined;
  for (const node of nodes) {
    const name = node.metadata.name!;
    try {
      await drainNode(ctx, name, dryRun);
      ctx.io.out(`node/${name} drained${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    } catch (e) {
      const msg = e instanceof AggregateError ? (e.errors.length === 1 ? e.errors[0].message : `[${e.errors.map((x) => x.message).join(', ')}]`) : (e as Error).message;
      ctx.io.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${msg}, continuing command...\n`);
      fatal = e as Error;
      remaining.push(name);
    }
  }
  if (remaining.length > 0) {
    ctx.io.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
    const errs = fatal instanceof AggregateError ? fatal.errors : [fatal as Error];
    throw new AggregateError(errs.map((e) => new KubectlError(e.message, 1, true)));
  }
  return 0;
}

async function drainNode(ctx: CommandContext, node: string, dryRun: 'none' | 'client' | 'server'): Promise<void> {
  const statuses = podsForDeletion(ctx, node);
  const errs = groupMessages(statuses, 'error').map(([msg, pods]) => new Error(`cannot delete ${msg}: ${pods.join(', ')}`));
  if (errs.length > 0) throw new AggregateError(errs);
  const warnings = groupMessages(statuses, 'warning').map(([msg, pods]) => `${msg}: ${pods.join(', ')}`);
  if (warnings.length > 0) ctx.io.err(`Warning: ${warnings.join('; ')}\n`);
  const pods = statuses.filter((s) => s.delete).map((s) => s.pod);
  if (dryRun === 'client') {
    for (const p of pods) ctx.io.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return;
  }
  await evictPods(ctx, pods, dryRun === 'server');
}

/** pkg/drain GetPodsForDeletion with the default filters, in their order. */
function podsForDeletion(ctx: CommandContext, node: string): Status[] {
  const podDef = ctx.host.cluster.registry.forKind('v1', 'Pod')!;
  const pods = ctx.api.list(podDef, { fieldSelector: `spec.nodeName=${node}` }).items;
  const ignoreDs = flagBool(ctx.flags, 'ignore-daemonsets');
  const deleteEmptyDir = flagBool(ctx.flags, 'delete-emptydir-data') || flagBool(ctx.flags, 'delete-local-data');
  const force = flagBool(ctx.flags, 'force');
  const out: Status[] = [];
  for (const pod of pods) {
    const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
    const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    if (owner?.kind === 'DaemonSet') {
      out.push(ignoreDs ? { pod, delete: false, reason: 'warning', message: DS_WARNING } : { pod, delete: false, reason: 'error', message: DS_FATAL });
      continue;
    }
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) continue;
    const emptyDir = (pod.spec?.volumes ?? []).some((v: { emptyDir?: unknown }) => v.emptyDir !== undefined);
    let status: Status = { pod, delete: true };
    if (emptyDir && !finished) status = deleteEmptyDir ? { pod, delete: true, reason: 'warning', message: LOCAL_WARNING } : { pod, delete: false, reason: 'error', message: LOCAL_FATAL };
    if (status.delete && !owner && !finished) status = force ? { pod, delete: true, reason: 'warning', message: UNMANAGED_WARNING } : { pod, delete: false, reason: 'error', message: UNMANAGED_FATAL };
    out.push(status);
  }
  return out;
}

function groupMessages(statuses: Status[], reason: 'warning' | 'error'): [string, string[]][] {
  const m = new Map<string, string[]>();
  for (const s of statuses) {
    if (s.reason !== reason || !s.message) continue;
    m.set(s.message, [...(m.get(s.message) ?? []), `${s.pod.metadata.namespace}/${s.pod.metadata.name}`]);
  }
  return [...m.entries()];
}

/** evictPods: `evicting pod ns/name`, retries every 5s on a PDB refusal, then waits for each pod to go. */
async function evictPods(ctx: CommandContext, pods: KubeObject[], serverDryRun: boolean): Promise<void> {
  const podDef = ctx.host.cluster.registry.forKind('v1', 'Pod')!;
  for (const p of pods) ctx.io.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}\n`);
  const timeoutMs = (ctx.flags.values.timeout as number) || 24 * 3600 * 1000;
  const grace = flagInt(ctx.flags, 'grace-period');
  let pending = [...pods];
  let waited = 0;
  const evicted: KubeObject[] = [];
  while (pending.length > 0) {
    const blocked: KubeObject[] = [];
    for (const p of pending) {
      try {
        evict(ctx, podDef, p, grace, serverDryRun);
        evicted.push(p);
      } catch (e) {
        if (isApiError(e) && e.reason === 'NotFound') continue;
        if (!isApiError(e) || e.code !== 429) throw e;
        ctx.io.err(`error when evicting pods/${JSON.stringify(p.metadata.name)} -n ${JSON.stringify(p.metadata.namespace)} (will retry after 5s): ${e.status.message}\n`);
        blocked.push(p);
      }
    }
    pending = blocked;
    if (pending.length === 0) break;
    if (waited >= timeoutMs) {
      const p = pending[0];
      throw new Error(`error when evicting pods/${JSON.stringify(p.metadata.name)} -n ${JSON.stringify(p.metadata.namespace)}: global timeout reached: ${timeoutMs / 1000}s`);
    }
    await ctx.host.sleep(5000);
    waited += 5000;
  }
  if (!serverDryRun) await waitForPodsGone(ctx, podDef, evicted);
}

/** policy/v1 Eviction: the cluster's eviction service when installed, else a PDB check and a delete. */
function evict(ctx: CommandContext, podDef: KindDef, pod: KubeObject, grace: number, dryRun: boolean): void {
  const ns = pod.metadata.namespace!;
  const name = pod.metadata.name!;
  const deleteOptions = grace >= 0 ? { gracePeriodSeconds: grace } : {};
  const evictor = ctx.host.cluster.services.get('eviction') as { evict(ns: string, name: string, opts: unknown): void } | undefined;
  if (evictor) return evictor.evict(ns, name, { deleteOptions: { ...deleteOptions, dryRun }, user: ctx.api.user });
  const pdbDef = ctx.host.cluster.registry.forKind('policy/v1', 'PodDisruptionBudget');
  const pdbs = pdbDef ? ctx.api.list(pdbDef, { namespace: ns }).items.filter((b) => matchesLabelSelector(b.spec?.selector, pod.metadata.labels)) : [];
  if (pdbs.length > 1) throw genericStatus(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const pdb = pdbs[0];
  if (pdb && (pdb.status?.disruptionsAllowed ?? 0) <= 0 && pod.status?.phase === 'Running') {
    throw genericStatus(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.");
  }
  if (pdb && !dryRun) ctx.api.updateStatus({ ...pdb, status: { ...pdb.status, disruptionsAllowed: Math.max(0, (pdb.status?.disruptionsAllowed ?? 0) - 1) } });
  ctx.api.delete(podDef, ns, name, { ...deleteOptions, dryRun });
}

async function waitForPodsGone(ctx: CommandContext, podDef: KindDef, pods: KubeObject[]): Promise<void> {
  const store = ctx.host.cluster.store;
  let left = [...pods];
  const timeoutMs = (ctx.flags.values.timeout as number) || 24 * 3600 * 1000;
  for (let waited = 0; left.length > 0 && waited <= timeoutMs; ) {
    const still: KubeObject[] = [];
    for (const p of left) {
      const cur = store.peek(resourceKey(podDef), p.metadata.namespace!, p.metadata.name!);
      if (!cur || cur.metadata.uid !== p.metadata.uid) ctx.io.out(`pod/${p.metadata.name} evicted\n`);
      else still.push(p);
    }
    left = still;
    if (left.length === 0) break;
    const step = waited < 60000 ? 1000 : 5000;
    await ctx.host.sleep(step);
    waited += step;
  }
  if (left.length > 0) {
    const p = left[0];
    throw new Error(`error when waiting for pod ${JSON.stringify(p.metadata.name)} in namespace ${JSON.stringify(p.metadata.namespace)} to terminate: global timeout reached: ${timeoutMs / 1000}s`);
  }
}
