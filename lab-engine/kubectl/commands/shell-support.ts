import type { KubeObject } from '../../api/types';
import { isApiError, notFound } from '../../api/errors';
import type { CommandContext } from '../types';
import { KubectlError } from '../types';
import { ExitError } from '../check-err';
import { KUBELET_SERVICE } from '../../network/service';
import type { KubeletService } from '../../kubelet/types';
import type { KubectlSessionHooks } from '../../shell/kubectl-host';

/**
 * Helpers shared by exec, attach, port-forward and cp: finding the pod a
 * `POD | TYPE/NAME` argument means (polymorphichelpers.AttachablePodForObject)
 * and the container kubectl defaults to (podcmd.FindOrDefaultContainerByName).
 */
export function kubelet(ctx: CommandContext): KubeletService {
  const k = ctx.host.cluster.services.get(KUBELET_SERVICE) as KubeletService | undefined;
  if (!k) throw new KubectlError('unable to upgrade connection: the node agent is not running');
  return k;
}

export function sessionHooks(ctx: CommandContext): KubectlSessionHooks {
  return ctx.host as unknown as KubectlSessionHooks;
}

/** Resolves `POD` or `TYPE/NAME` (deploy/web, rs/x, svc/y, job/z…) to a pod. */
export function attachablePod(ctx: CommandContext, arg: string): KubeObject {
  const slash = arg.indexOf('/');
  const api = ctx.api;
  if (slash < 0) return api.get(api.resolve('pods')!, ctx.namespace, arg);
  const type = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  const def = api.resolve(type);
  if (!def) throw new KubectlError(`the server doesn't have a resource type "${type}"`);
  const obj = api.get(def, ctx.namespace, name);
  if (def.kind === 'Pod') return obj;
  const selector = selectorOf(obj);
  if (!selector) throw new KubectlError(`cannot attach to ${def.kind}: selector for ${def.resource}.${def.group || ''} not implemented`.replace('.:', ':'));
  const pods = api.list(api.resolve('pods')!, { namespace: ctx.namespace, labelSelector: selector }).items;
  const running = pods.filter((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running');
  const pick = (running.length > 0 ? running : pods)[0];
  if (!pick) throw new KubectlError(`timed out waiting for the condition`);
  return pick;
}

function selectorOf(obj: KubeObject): string | undefined {
  const spec = obj.spec as { selector?: Record<string, unknown> } | undefined;
  const sel = spec?.selector;
  if (!sel) return undefined;
  const labels = (sel.matchLabels as Record<string, string> | undefined) ?? (obj.kind === 'Service' || obj.kind === 'ReplicationController' ? (sel as Record<string, string>) : undefined);
  if (!labels) return undefined;
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
}

interface PodView {
  metadata: { name?: string; annotations?: Record<string, string> };
  spec?: { containers?: { name: string }[] };
  status?: { phase?: string };
}

/** The container to use: -c, else the default-container annotation, else the first (with kubectl's notice). */
export function chooseContainer(ctx: CommandContext, pod: KubeObject, requested: string, quiet: boolean): string {
  const p = pod as unknown as PodView;
  const names = (p.spec?.containers ?? []).map((c) => c.name);
  if (requested) return requested;
  const annotated = p.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && names.includes(annotated)) return annotated;
  if (names.length > 1 && !quiet) ctx.io.err(`Defaulted container "${names[0]}" out of: ${names.join(', ')}\n`);
  return names[0] ?? '';
}

export function checkNotCompleted(pod: KubeObject): void {
  const phase = (pod as unknown as PodView).status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
}

interface AttachContainerView {
  name: string;
  tty?: boolean;
}

/**
 * `attach.AttachOptions.Run` (kubectl/pkg/cmd/attach/attach.go, v1.32) after the pod is known:
 * the TTY negotiation and its notices (`Unable to use a TTY - …`), `StreamOptions.SetupTTY`
 * (kubectl/pkg/cmd/exec/exec.go), the prompt hint, the attachment itself (the host's), and
 * `reattachMessage`. Errors of the attachment propagate (run falls back to the logs).
 */
export async function runAttach(ctx: CommandContext, o: { pod: KubeObject; container: string; stdin: boolean; tty: boolean; quiet: boolean }): Promise<number> {
  const spec = ((o.pod.spec?.containers ?? []) as AttachContainerView[]).find((c) => c.name === o.container);
  let tty = o.tty;
  if (tty && !spec?.tty) {
    tty = false;
    if (!o.quiet) ctx.io.err(`error: Unable to use a TTY - container ${o.container} did not allocate one\n`);
  } else if (!tty && spec?.tty) {
    // The container was started with a TTY: attach must use one too ("Unrecognized input header").
    tty = true;
  }
  let raw = false;
  if (o.stdin && tty) {
    if (ctx.host.stdinIsTerminal?.() ?? true) raw = true;
    else if (!o.quiet) ctx.io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  if (!o.quiet) ctx.io.err("If you don't see a command prompt, try pressing enter.\n");
  const name = o.pod.metadata.name ?? '';
  const namespace = o.pod.metadata.namespace ?? ctx.namespace;
  let code = 0;
  // Piped or redirected input goes to the process as its stdin (then end-of-file).
  const input = o.stdin && !(ctx.host.stdinIsTerminal?.() ?? true) ? ctx.io.stdin : undefined;
  if (o.stdin && raw) ctx.host.flushStderr?.();
  if (ctx.host.attach) code = await ctx.host.attach({ namespace, pod: name, container: o.container, stdin: o.stdin, tty: raw, input });
  else ctx.io.out(kubelet(ctx).logs(namespace, name, { container: o.container }));
  if (!o.quiet && o.stdin && raw && (o.pod.spec as { restartPolicy?: string } | undefined)?.restartPolicy === 'Always') {
    ctx.io.out(`Session ended, resume using 'kubectl attach ${name} -c ${o.container} -i -t' command when the pod is running\n`);
  }
  return code;
}

/**
 * A streaming request the kubelet refused (SPDY/WebSocket upgrade): kubectl prints the upgrade
 * error as a plain `error: unable to upgrade connection: …`, not as an API status.
 */
export function upgradeError(e: unknown): unknown {
  const msg = isApiError(e) ? e.status.message ?? '' : '';
  if (msg.startsWith('unable to upgrade connection') || msg.startsWith('cannot exec into a container')) return new KubectlError(msg);
  return e;
}

/**
 * run.go waitForPod: watches one pod until `done` says so, for at most `timeoutMs` of virtual time.
 * A deleted pod is `pods "" not found` (podCompleted/podRunningAndReady's NewNotFound); the
 * deadline is watchtools' `timed out waiting for the condition`.
 */
export async function waitForPod(ctx: CommandContext, ns: string, name: string, timeoutMs: number, done: (pod: KubeObject) => boolean): Promise<KubeObject> {
  return withInterruptHandler(ctx, (exited) => pollPod(ctx, ns, name, timeoutMs, done, exited));
}

async function pollPod(ctx: CommandContext, ns: string, name: string, timeoutMs: number, done: (pod: KubeObject) => boolean, exited: () => boolean): Promise<KubeObject> {
  const stepMs = 250;
  for (let waited = 0; ; waited += stepMs) {
    if (exited()) throw new InterruptExit();
    const pod = ctx.host.cluster.store.peek('pods', ns, name);
    // podCompleted/podRunningAndReady answer a Deleted event with NewNotFound(pods, "").
    if (!pod) throw notFound({ group: '', resource: 'pods' }, '');
    if (done(pod)) return pod;
    if (waited >= timeoutMs) throw new KubectlError('timed out waiting for the condition');
    await ctx.host.sleep(stepMs);
  }
}

/**
 * Ctrl-C inside kubectl's interrupt handler (kubectl/pkg/util/interrupt `New(nil, …)`, used by run.go
 * waitForPod and by term.TTY.Safe on a terminal that is not raw): the notify functions run, then
 * os.Exit(1) — kubectl ends with 1, prints nothing, and no deferred cleanup (run's --rm) runs.
 */
export class InterruptExit extends ExitError {
  constructor() {
    super(1);
    this.name = 'InterruptExit';
  }
}

/**
 * interrupt.Handler.Run(fn): while `fn` runs, Ctrl-C is kubectl's own (the line is not SIGINT'd);
 * `fn` gets `exited()` to check after each wait and throws InterruptExit then. Without a session
 * (no catchInterrupt hook) Ctrl-C stays SIGINT.
 */
export async function withInterruptHandler<T>(ctx: CommandContext, fn: (exited: () => boolean) => Promise<T>): Promise<T> {
  let fired = false;
  const release = sessionHooks(ctx).catchInterrupt?.(() => (fired = true));
  try {
    return await fn(() => fired);
  } finally {
    release?.();
  }
}

export function podPhase(pod: KubeObject): string {
  return (pod as unknown as PodView).status?.phase ?? '';
}

/** podRunningAndReady: Running with Ready=True; a completed pod ends the wait too (ErrPodCompleted). */
export function isRunningAndReadyOrCompleted(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  if (phase === 'Succeeded' || phase === 'Failed') return true;
  const conditions = (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return phase === 'Running' && conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}
