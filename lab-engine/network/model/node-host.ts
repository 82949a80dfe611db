import type { ClusterContext } from '../../sim/context';
import type { InboundHttpRequest, InboundHttpResult, PodResponder, Protocol } from '../service';
import type { NetworkIndex } from './network-index';

/**
 * What listens in a node's host network namespace: host-network pods (asked
 * of the kubelet's process model first), then the daemons a kubeadm node
 * runs: sshd :22, kubelet :10250 (HTTPS), kube-proxy healthz :10256, and on
 * control-plane nodes kube-apiserver :6443, etcd :2379/:2380,
 * kube-controller-manager :10257, kube-scheduler :10259.
 */
export function nodeHostListens(ctx: ClusterContext, index: NetworkIndex, nodeName: string, port: number, protocol: Protocol, responder: PodResponder | undefined): boolean {
  if (hostNetworkPod(ctx, nodeName, port, protocol, responder)) return true;
  if (protocol !== 'TCP') return false;
  return daemonPorts(index, nodeName).includes(port);
}

export function nodeHostResponse(
  ctx: ClusterContext,
  index: NetworkIndex,
  nodeName: string,
  port: number,
  req: InboundHttpRequest,
  tls: boolean,
  responder: PodResponder | undefined,
): InboundHttpResult {
  const pod = hostNetworkPod(ctx, nodeName, port, 'TCP', responder);
  if (pod && responder) return responder.serveHttp(pod, port, req);
  if (port === 22 || port === 2379 || port === 2380) return { error: 'empty reply' };
  const httpsOnly = [6443, 10250, 10257, 10259].includes(port);
  if (httpsOnly && !tls) return { status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n', headers: { 'content-type': 'text/plain; charset=utf-8' } };
  if (port === 6443) return apiserver(req);
  if (port === 10256) return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"lastUpdated": "", "currentTime": ""}' };
  void index;
  return { status: 401, body: 'Unauthorized', headers: { 'content-type': 'text/plain; charset=utf-8' } };
}

function daemonPorts(index: NetworkIndex, nodeName: string): number[] {
  const node = index.nodeByIP(index.nodeIP(nodeName) ?? '');
  const cp = node?.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
  return cp ? [22, 10250, 10256, 6443, 2379, 2380, 10257, 10259] : [22, 10250, 10256];
}

function hostNetworkPod(ctx: ClusterContext, nodeName: string, port: number, protocol: Protocol, responder: PodResponder | undefined) {
  if (!responder) return undefined;
  for (const pod of ctx.store.peekList('pods')) {
    if (!pod.spec?.hostNetwork || pod.spec?.nodeName !== nodeName) continue;
    if (responder.isListening(pod, port, protocol)) return pod;
  }
  return undefined;
}

/**
 * kube-apiserver to an unauthenticated client: the health and version
 * endpoints are public (system:public-info-viewer), the rest is 403 for
 * system:anonymous, as `curl -k https://kubernetes.default.svc` shows.
 */
function apiserver(req: InboundHttpRequest): InboundHttpResult {
  const path = req.path.split('?')[0];
  const json = { 'content-type': 'application/json' };
  if (path === '/healthz' || path === '/livez' || path === '/readyz') return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' };
  if (path === '/version') {
    return { status: 200, headers: json, body: JSON.stringify({ major: '1', minor: '32', gitVersion: 'v1.32.4', gitTreeState: 'clean', platform: 'linux/amd64' }, null, 2) };
  }
  const r = resourceOf(path);
  const message = r
    ? `${r.group ? `${r.resource}.${r.group}` : r.resource}${r.name ? ` "${r.name}"` : ''} is forbidden: User "system:anonymous" cannot ${r.name ? 'get' : 'list'} resource "${r.resource}" in API group "${r.group}" ${r.namespace ? `in the namespace "${r.namespace}"` : 'at the cluster scope'}`
    : `forbidden: User "system:anonymous" cannot get path "${path}"`;
  const details = r ? { ...(r.name ? { name: r.name } : {}), ...(r.group ? { group: r.group } : {}), kind: r.resource } : {};
  const body = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403 };
  return { status: 403, headers: json, body: JSON.stringify(body, null, 2) + '\n' };
}

/** /api/v1[/namespaces/<ns>]/<resource>[/<name>] and /apis/<group>/<version>/… */
function resourceOf(path: string): { group: string; resource: string; namespace?: string; name?: string } | undefined {
  const parts = path.split('/').filter(Boolean);
  let rest: string[];
  let group = '';
  if (parts[0] === 'api' && parts.length >= 3) rest = parts.slice(2);
  else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1];
    rest = parts.slice(3);
  } else return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (!rest[0]) return undefined;
  return { group, resource: rest[0], namespace, name: rest[1] };
}
