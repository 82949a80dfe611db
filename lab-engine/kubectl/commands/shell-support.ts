import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../types';
import { KubectlError } from '../types';
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
