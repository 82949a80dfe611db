/**
 * `kubectl logs` (kubectl/pkg/cmd/logs/logs.go): POD or TYPE/NAME, -c,
 * --all-containers, -l, --prefix, -p, --tail, --since, --timestamps, -f
 * (streams on virtual time until the container ends or Ctrl-C). Logs come from
 * the kubelet service (ctx.services 'kubelet').
 */
import type { KubeObject } from '../../api/types';
import type { KubeletService, LogOptions } from '../../kubelet/types';
import type { CommandContext, CommandSpec } from '../types';
import { Interrupted, KubectlError } from '../types';
import { flagBool, flagInt, flagString, parseDurationMs } from '../args';
import { resolveTypes } from './get/requests';
import { INTERRUPTED_EXIT } from './get/watch';

export const logs: CommandSpec = {
  use: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  short: 'Print the logs for a container in a pod',
  flags: [],
  run: runLogs,
};

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples";

interface Target {
  pod: KubeObject;
  containers: string[];
}

async function runLogs(ctx: CommandContext): Promise<number> {
  const kubelet = ctx.host.cluster.services.get('kubelet') as KubeletService | undefined;
  const selector = flagString(ctx.flags, 'selector');
  const args = ctx.flags.args;
  if (args.length === 0 && !selector) throw new KubectlError(USAGE);
  if (args.length > 2) throw new KubectlError(USAGE);
  const pods = selector ? ctx.api.list(ctx.host.cluster.registry.forResource('pods')!, { namespace: ctx.namespace, labelSelector: selector }).items : [resolvePod(ctx, args[0])];
  if (selector && pods.length === 0) {
    ctx.io.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const targets = pods.map((p) => ({ pod: p, containers: containersFor(ctx, p, args[1]) }));
  if (!kubelet) throw new KubectlError('logs are not available: no kubelet');
  const opts = logOptions(ctx, !!selector);
  const prefix = flagBool(ctx.flags, 'prefix') || (flagBool(ctx.flags, 'all-containers') && false);
  if (flagBool(ctx.flags, 'follow')) return follow(ctx, kubelet, targets, opts, prefix);
  for (const t of targets) {
    for (const c of t.containers) {
      const text = kubelet.logs(t.pod.metadata.namespace!, t.pod.metadata.name!, { ...opts, container: c });
      ctx.io.out(prefix ? prefixLines(text, t.pod, c) : text);
    }
  }
  return 0;
}

function logOptions(ctx: CommandContext, selector: boolean): LogOptions {
  const opts: LogOptions = { previous: flagBool(ctx.flags, 'previous'), timestamps: flagBool(ctx.flags, 'timestamps') };
  const tail = flagInt(ctx.flags, 'tail');
  // With a selector, --tail defaults to 10 (logs.go: selector && tail == -1).
  if (tail >= 0) opts.tailLines = tail;
  else if (selector && !ctx.flags.changed.has('tail')) opts.tailLines = 10;
  // Only an explicit --since limits the logs (its default, 0s, means all of them).
  if (ctx.flags.changed.has('since')) {
    const v = ctx.flags.values.since;
    const ms = typeof v === 'number' ? v : parseDurationMs(String(v));
    if (ms > 0) opts.sinceSeconds = Math.ceil(ms / 1000);
  }
  const sinceTime = flagString(ctx.flags, 'since-time');
  if (sinceTime) opts.sinceTime = sinceTime;
  if (ctx.flags.changed.has('limit-bytes')) opts.limitBytes = flagInt(ctx.flags, 'limit-bytes');
  return opts;
}

/** POD, pod/NAME, or a controller (deploy/x, job/x…) → its first pod (polymorphichelpers.AttachablePodForObject). */
function resolvePod(ctx: CommandContext, arg: string): KubeObject {
  const podsDef = ctx.host.cluster.registry.forResource('pods')!;
  if (!arg.includes('/')) {
    // a bare pod name: the builder's NotFound reaches the user re-wrapped, with the namespace
    const pod = ctx.api.tryGet(podsDef, ctx.namespace, arg);
    if (!pod) throw new KubectlError(`error from server (NotFound): pods "${arg}" not found in namespace "${ctx.namespace}"`);
    return pod;
  }
  const [type, name] = arg.split('/', 2);
  const def = resolveTypes(ctx, type)[0];
  if (def.kind === 'Pod') return ctx.api.get(podsDef, ctx.namespace, name);
  const owner = ctx.api.get(def, ctx.namespace, name);
  const sel = owner.spec?.selector;
  const matchLabels: Record<string, string> = sel?.matchLabels ?? (def.kind === 'Service' || def.kind === 'ReplicationController' ? sel ?? {} : {});
  const labelSelector = Object.entries(matchLabels).map(([k, v]) => `${k}=${v}`).join(',');
  const pods = ctx.api.list(podsDef, { namespace: ctx.namespace, labelSelector }).items;
  if (pods.length === 0) throw new KubectlError(`timed out waiting for the condition`);
  const sorted = [...pods].sort(byLogging);
  if (pods.length > 1) ctx.io.err(`Found ${pods.length} pods, using pod/${sorted[0].metadata.name}\n`);
  return sorted[0];
}

/** controller.ByLogging: assigned, running, ready, more restarts, older first. */
function byLogging(a: KubeObject, b: KubeObject): number {
  const rank = (p: KubeObject) => [p.spec?.nodeName ? 0 : 1, p.status?.phase === 'Running' ? 0 : p.status?.phase === 'Pending' ? 2 : 1,
    (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True') ? 0 : 1];
  const ra = rank(a), rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  return Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? '');
}

function containersFor(ctx: CommandContext, pod: KubeObject, positional?: string): string[] {
  const names = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
  const init = (pod.spec?.initContainers ?? []).map((c: { name: string }) => c.name);
  if (flagBool(ctx.flags, 'all-containers')) return [...init, ...names];
  const c = flagString(ctx.flags, 'container') || positional;
  if (c) {
    // polymorphichelpers logsForObject: podcmd.FindContainerByName over every container list
    const eph = (pod.spec?.ephemeralContainers ?? []).map((x: { name: string }) => x.name);
    if (![...names, ...init, ...eph].includes(c)) throw new KubectlError(`container ${c} is not valid for pod ${pod.metadata.name}`);
    return [c];
  }
  if (names.length <= 1) return names.length ? names : [''];
  const def = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? names[0];
  const all = [...names, ...init.map((n: string) => `${n} (init)`)].join(', ');
  ctx.io.err(`Defaulted container ${JSON.stringify(def)} out of: ${all}\n`);
  return [def];
}

function prefixLines(text: string, pod: KubeObject, container: string): string {
  if (!text) return '';
  const p = `[pod/${pod.metadata.name}/${container}] `;
  return text.split('\n').map((l, i, arr) => (i === arr.length - 1 && l === '' ? '' : p + l)).join('\n');
}

const MAX_POLLS = 24 * 3600;

async function follow(ctx: CommandContext, kubelet: KubeletService, targets: Target[], opts: LogOptions, prefix: boolean): Promise<number> {
  let open = 0;
  const cancels: (() => void)[] = [];
  for (const t of targets) {
    for (const c of t.containers) {
      open++;
      const emit = (s: string) => ctx.io.out(prefix ? prefixLines(s, t.pod, c) : s);
      const h = kubelet.followLogs(t.pod.metadata.namespace!, t.pod.metadata.name!, { ...opts, container: c }, emit, () => open--);
      emit(h.initial);
      cancels.push(() => h.cancel());
    }
  }
  try {
    for (let i = 0; i < MAX_POLLS && open > 0 && !ctx.host.interrupted(); i++) await ctx.host.sleep(1000);
  } catch (e) {
    if (e instanceof Interrupted) return INTERRUPTED_EXIT;
    throw e;
  } finally {
    for (const c of cancels) c();
  }
  return ctx.host.interrupted() ? INTERRUPTED_EXIT : 0;
}
