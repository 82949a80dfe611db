import type { CommandIO, KubectlHost, ParsedFlags } from './types';
import { KubectlError } from './types';
import { flagString } from './args';
import { ExitError, klogLine } from './check-err';

/**
 * The connection kubectl would make: which kubeconfig context, cluster
 * server and default namespace the global flags select (--context,
 * --cluster, --kubeconfig, -s/--server, --request-timeout), with
 * client-go's errors for a missing context or file. A --server other than
 * the cluster's own is "unreachable": any API use then fails the way
 * kubectl fails against a closed port.
 */
export interface Connection {
  context: string;
  server: string;
  namespace?: string;
  unreachable: boolean;
}

export function resolveConnection(host: KubectlHost, flags: ParsedFlags): Connection {
  const kc = host.kubeconfig;
  const kubeconfigPath = flagString(flags, 'kubeconfig');
  if (kubeconfigPath && host.readFile(absolute(host, kubeconfigPath)) === undefined) {
    throw new KubectlError(`stat ${kubeconfigPath}: no such file or directory`);
  }
  checkRequestTimeout(flagString(flags, 'request-timeout'));
  const contextName = flagString(flags, 'context') || kc.currentContext;
  const context = kc.contexts.find((c) => c.name === contextName);
  if (!context && flags.changed.has('context')) throw new KubectlError(`context "${contextName}" does not exist`);
  const clusterName = flagString(flags, 'cluster') || context?.cluster || '';
  const cluster = kc.clusters.find((c) => c.name === clusterName);
  const own = cluster?.server ?? kc.clusters[0]?.server ?? 'https://controlplane:6443';
  const server = flagString(flags, 'server') || own;
  const unreachable = normalizeServer(server) !== normalizeServer(own) || (flags.changed.has('cluster') && !cluster);
  return { context: contextName, server, namespace: context?.namespace, unreachable };
}

function absolute(host: KubectlHost, p: string): string {
  if (p.startsWith('/')) return p;
  if (p.startsWith('~/')) return `/root/${p.slice(2)}`;
  return `${host.cwd().replace(/\/$/, '')}/${p}`;
}

function normalizeServer(s: string): string {
  let v = s.trim().replace(/\/+$/, '');
  if (!/^[a-z]+:\/\//.test(v)) v = `https://${v}`;
  return v;
}

/** cmdutil/helpers.go: the --request-timeout value must be seconds or a duration. */
function checkRequestTimeout(v: string): void {
  if (v === '' || /^\d+$/.test(v) || /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(v)) return;
  throw new KubectlError(
    'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)',
  );
}

/**
 * What kubectl prints when the server does not answer: discovery's klog lines
 * (memcache.go:265) and `The connection to the server host:port was refused…`.
 */
export function connectionError(host: KubectlHost, server: string, io: CommandIO): ExitError {
  const url = /^[a-z]+:\/\//.test(server) ? server.replace(/\/+$/, '') : `http://${server}`;
  const hostPort = hostPortOf(url);
  const err = `couldn't get current server API group list: Get \\"${url}/api?timeout=32s\\": dial tcp ${hostPort}: connect: connection refused`;
  for (let i = 0; i < 5; i++) io.err(klogLine('E', host.cluster.clock, 'memcache.go:265', `"Unhandled Error" err="${err}"`));
  io.err(`The connection to the server ${hostPort} was refused - did you specify the right host or port?\n`);
  return new ExitError(1);
}

function hostPortOf(url: string): string {
  const m = /^([a-z]+):\/\/([^/]+)/.exec(url);
  if (!m) return url;
  if (m[2].includes(':')) return m[2];
  return `${m[2]}:${m[1] === 'https' ? 443 : 80}`;
}
