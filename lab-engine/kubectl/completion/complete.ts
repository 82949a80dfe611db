import type { ClusterContext } from '../../sim/context';
import { DISCOVERY } from '../../api/discovery';
import { KUBECTL_COMMAND_ORDER, effectiveFlags } from '../kubectl';
import { COMMANDS } from '../commands';
import type { CommandSpec } from '../types';

/**
 * What bash-completion for kubectl (cobra's `__complete`) offers for the
 * word under the cursor: subcommands, flags, resource types
 * (`api-resources -o name`), object names from the cluster, namespaces after
 * `-n`, contexts after `config use-context`, files after `-f`.
 */
export interface KubectlCompletionContext {
  cluster: ClusterContext;
  /** Namespace from the kubeconfig context (when no -n is given). */
  defaultNamespace: string;
  contexts: string[];
  /** Files for `-f` (the session's filename completion). */
  files(prefix: string): string[];
}

const RESOURCE_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'explain', 'wait']);
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp']);
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain', 'taint']);
const SUBCOMMANDS: Record<string, string[]> = {
  create: ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token'],
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'],
  config: ['current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users', 'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view'],
  auth: ['can-i', 'reconcile', 'whoami'],
  top: ['node', 'pod'],
  completion: ['bash', 'fish', 'powershell', 'zsh'],
  certificate: ['approve', 'deny'],
};
const NESTED: Record<string, string[]> = {
  'create secret': ['docker-registry', 'generic', 'tls'],
  'create service': ['clusterip', 'externalname', 'loadbalancer', 'nodeport'],
};

/** `kubectl api-resources -o name`: plural for the core group, plural.group otherwise. */
export function resourceTypeNames(): string[] {
  return DISCOVERY.filter((r) => r.verbs.includes('list')).map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource)).sort();
}

function findResource(word: string) {
  const w = word.toLowerCase();
  return DISCOVERY.find((r) => r.resource === w || r.singular === w || r.kind.toLowerCase() === w || (r.shortNames ?? []).includes(w) || `${r.resource}.${r.group}` === w);
}

function objectNames(ctx: KubectlCompletionContext, type: string, namespace: string): string[] {
  const info = findResource(type);
  if (!info) return [];
  const key = info.group ? `${info.resource}.${info.group}` : info.resource;
  return ctx.cluster.store.peekList(key, info.namespaced ? namespace : undefined).map((o) => o.metadata.name ?? '');
}

function flagNames(path: string[]): string[] {
  let spec: CommandSpec | undefined;
  let list: readonly CommandSpec[] = COMMANDS;
  for (const p of path) {
    spec = list.find((c) => c.use.split(' ')[0] === p);
    list = spec?.subcommands ?? [];
  }
  const flags = effectiveFlags(spec ?? { use: path[path.length - 1] ?? 'kubectl', short: '', flags: [] }, path.join(' '));
  return flags.filter((f) => !f.hidden).map((f) => `--${f.name}`).sort();
}

interface Parsed {
  words: string[];
  namespace?: string;
}

function parseArgs(args: string[]): Parsed {
  const words: string[] = [];
  let namespace: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--namespace') namespace = args[++i];
    else if (a.startsWith('--namespace=')) namespace = a.slice(12);
    else if (/^-n\S+/.test(a)) namespace = a.slice(2);
    else if (['-f', '--filename', '-o', '--output', '-l', '--selector', '-c', '--container', '--context'].includes(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  return { words, namespace };
}

/** Candidates for `current` given the words before it (everything after `kubectl`). */
export function completeKubectl(ctx: KubectlCompletionContext, before: string[], current: string): string[] {
  const prev = before[before.length - 1];
  if (prev === '-n' || prev === '--namespace') return filter(objectNames(ctx, 'namespaces', ''), current);
  if (prev === '-f' || prev === '--filename') return ctx.files(current);
  if (prev === '--context') return filter(ctx.contexts, current);
  if (prev === '-o' || prev === '--output') return filter(['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml', 'go-template='], current);
  const { words, namespace = ctx.defaultNamespace } = parseArgs(before);
  if (current.startsWith('-')) return filter(flagNames(words.slice(0, 2).filter((w) => KUBECTL_COMMAND_ORDER.includes(w) || SUBCOMMANDS[words[0]]?.includes(w))), current);
  if (words.length === 0) return filter([...KUBECTL_COMMAND_ORDER].sort(), current);
  const verb = words[0];
  const nested = NESTED[`${verb} ${words[1]}`];
  if (nested && words.length === 2) return filter(nested, current);
  if (SUBCOMMANDS[verb] && words.length === 1) return filter(SUBCOMMANDS[verb], current);
  if (verb === 'config' && words[1] === 'use-context' && words.length === 2) return filter(ctx.contexts, current);
  if (verb === 'top' && words.length === 2) return filter(objectNames(ctx, words[1] === 'node' ? 'nodes' : 'pods', namespace), current);
  let args = words.slice(1);
  if (verb === 'rollout') {
    if (args.length === 1) return filter(['daemonset', 'deployment', 'statefulset'], current);
    args = args.slice(1);
  }
  if (POD_VERBS.has(verb) && args.length === 0) return filter(objectNames(ctx, 'pods', namespace), current);
  if (NODE_VERBS.has(verb) && args.length === 0) return filter(objectNames(ctx, 'nodes', ''), current);
  if (RESOURCE_VERBS.has(verb) || verb === 'rollout' || verb === 'scale' || verb === 'expose' || verb === 'autoscale') {
    if (current.includes('/')) {
      const [type, prefix] = [current.slice(0, current.indexOf('/')), current.slice(current.indexOf('/') + 1)];
      return filter(objectNames(ctx, type, namespace), prefix).map((n) => `${type}/${n}`);
    }
    if (args.length === 0) return filter(resourceTypeNames(), current);
    if (verb === 'explain') return [];
    return filter(objectNames(ctx, args[0], namespace), current);
  }
  return [];
}

function filter(list: string[], prefix: string): string[] {
  return list.filter((x) => x.startsWith(prefix));
}
