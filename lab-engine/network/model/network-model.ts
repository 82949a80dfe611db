import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../../api/types';
import type { Rng } from '../../base/rng';
import type {
  DnsLookupRequest,
  DnsLookupResult,
  DnsQueryResult,
  HttpRequest,
  HttpResult,
  InboundHttpResult,
  NetworkService,
  PingRequest,
  PingResult,
  PodResponder,
  PolicyRef,
  Protocol,
  TcpConnectRequest,
  TcpConnectResult,
} from '../service';
import { KUBELET_SERVICE } from '../service';
import { NetworkIndex } from './network-index';
import { KubeProxy } from '../proxy/kube-proxy';
import { ClusterDns, CLUSTER_DNS_IP } from '../dns/cluster-dns';
import { hostsFileText, resolvConfText, searchCandidates } from '../dns/resolv-conf';
import { resolveSource, type Source } from './source';
import { connect, DEFAULT_CONNECT_TIMEOUT_MS, failure, TraceBuilder, type Connection } from './connect';
import { isIPv4 } from '../ip';
import { matches } from '../../api/selectors/label-selector';
import { nodeHostResponse, nodeHostListens } from './node-host';
import { statusText } from './http-status';
import { isIngressControllerPod, type IngressRouter } from '../ingress/router';
import { installIngressNginx } from '../bootstrap/ingress-nginx';
import { FlowLog, type FlowQuery, type FlowRecord } from '../flow-log';

export const DNS_TIMEOUT_MS = 10_000; // resolv.conf defaults: timeout:5 attempts:2

type Resolved = { ok: true; ip: string } | { ok: false; dnsFailed: boolean; elapsedMs: number };

/**
 * The cluster network (the NetworkService registered as 'network'):
 * DNS + kube-proxy + CNI policy + delivery to the kubelet's processes.
 */
export class NetworkModel implements NetworkService {
  readonly index: NetworkIndex;
  readonly dns: ClusterDns;
  readonly proxy: KubeProxy;
  ingress?: IngressRouter;
  private readonly latencyRng: Rng;
  private readonly dnsMemo = new Map<string, { version: number; ok: boolean }>();
  private readonly flows = new FlowLog();

  constructor(
    private readonly ctx: ClusterContext,
    private readonly pool: () => { first: string; last: string },
  ) {
    this.index = new NetworkIndex(ctx.store);
    this.dns = new ClusterDns(this.index);
    this.proxy = new KubeProxy(this.index, ctx.clock, ctx.rng.derive('network/kube-proxy'));
    this.latencyRng = ctx.rng.derive('network/latency');
  }

  // ---- NetworkService ------------------------------------------------------

  request(req: HttpRequest): HttpResult {
    const r = this.sendHttp(req);
    if (req.record !== false) {
      const outcome = r.ok ? `HTTP ${r.status}` : r.error;
      this.flows.record({ kind: 'http', from: req.from, to: req.url, ip: r.ip, port: r.port, verdict: verdictOf(r.ok, r.trace), outcome, trace: r.trace }, this.ctx.clock.nowMs());
    }
    return r;
  }

  tcpConnect(req: TcpConnectRequest): TcpConnectResult {
    const r = this.connectTcp(req);
    if (req.record !== false) {
      const kind = req.protocol === 'UDP' ? 'udp' : 'tcp';
      this.flows.record({ kind, from: req.from, to: `${req.host}:${req.port}`, ip: r.ip, port: r.port ?? req.port, verdict: verdictOf(r.ok, r.trace), outcome: r.ok ? 'open' : r.error, trace: r.trace }, this.ctx.clock.nowMs());
    }
    return r;
  }

  dnsLookup(req: DnsLookupRequest): DnsLookupResult {
    const r = this.lookup(req);
    if (req.record !== false) {
      const outcome = r.timedOut ? 'timeout' : r.ok ? r.records.map((x) => x.value).join(', ') : 'NXDOMAIN';
      this.flows.record({ kind: 'dns', from: req.from, to: req.name, ip: r.server, port: 53, verdict: r.timedOut ? verdictOf(false, r.trace) : r.ok ? 'allowed' : 'failed', outcome, trace: r.trace }, this.ctx.clock.nowMs());
    }
    return r;
  }

  ping(req: PingRequest): PingResult {
    const r = this.echo(req);
    if (req.record !== false) {
      const outcome = r.error ?? `${r.received}/${r.transmitted} replies`;
      this.flows.record({ kind: 'icmp', from: req.from, to: req.host, ip: r.ip, verdict: r.error ? 'failed' : verdictOf(r.ok, r.trace), outcome, trace: r.trace }, this.ctx.clock.nowMs());
    }
    return r;
  }

  flowLog(query?: FlowQuery): FlowRecord[] {
    return this.flows.query(query);
  }

  private sendHttp(req: HttpRequest): HttpResult {
    const url = parseUrl(req.url);
    if (!url) return failure('no such host', req.url, 0, { path: [] });
    const src = resolveSource(this.index, req.from);
    const tb = new TraceBuilder();
    const resolved = this.resolve(src, url.host, tb);
    const timeoutMs = req.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    if (!resolved.ok) return failure('no such host', url.host, Math.min(resolved.elapsedMs, timeoutMs), tb.build(), resolved.dnsFailed ? { dnsFailed: true, port: url.port } : { port: url.port });
    const conn = connect(this.index, this.proxy, src, resolved.ip, url.port, 'TCP', tb);
    const base = { host: url.host, ip: resolved.ip, port: url.port };
    if (!conn.ok) return failure(conn.error, url.host, conn.error === 'timeout' ? timeoutMs : 0, conn.trace, base);
    if (!this.listens(conn)) return failure('connection refused', url.host, 0, this.refusedTrace(tb, conn), base);
    const headers: Record<string, string> = { host: url.port === defaultPort(url.scheme) ? url.host : `${url.host}:${url.port}` };
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
    const answer = this.serve(conn, { method: req.method ?? 'GET', path: url.path, headers, body: req.body ?? '', remoteIP: conn.seenSourceIP, localIP: conn.target.ip, localPort: conn.target.port }, url.scheme === 'https', tb);
    if ('error' in answer) return failure(answer.error === 'timeout' ? 'timeout' : 'connection reset', url.host, answer.error === 'timeout' ? timeoutMs : 1, tb.build(), base);
    return {
      ok: true,
      status: answer.status,
      statusText: answer.statusText ?? statusText(answer.status),
      headers: lowerKeys(answer.headers ?? {}),
      body: answer.body,
      ip: resolved.ip,
      port: url.port,
      elapsedMs: 1 + Math.round(answer.serviceMs ?? 0),
      trace: tb.build(),
    };
  }

  private connectTcp(req: TcpConnectRequest): TcpConnectResult {
    const src = resolveSource(this.index, req.from);
    const tb = new TraceBuilder();
    const protocol = req.protocol ?? 'TCP';
    const resolved = this.resolve(src, req.host, tb);
    const timeoutMs = req.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    if (!resolved.ok) return failure('no such host', req.host, Math.min(resolved.elapsedMs, timeoutMs), tb.build(), resolved.dnsFailed ? { dnsFailed: true, port: req.port } : { port: req.port });
    const conn = connect(this.index, this.proxy, src, resolved.ip, req.port, protocol, tb);
    const base = { ip: resolved.ip, port: req.port };
    if (!conn.ok) return failure(conn.error, req.host, conn.error === 'timeout' ? timeoutMs : 0, conn.trace, base);
    if (!this.listens(conn, protocol)) {
      // UDP has no handshake: nothing listening looks like silence to `nc -zu`.
      if (protocol === 'UDP') return { ok: true, ip: resolved.ip, port: req.port, elapsedMs: 0, trace: conn.trace };
      return failure('connection refused', req.host, 0, this.refusedTrace(tb, conn), base);
    }
    return { ok: true, ip: resolved.ip, port: req.port, elapsedMs: 0, trace: conn.trace };
  }

  private lookup(req: DnsLookupRequest): DnsLookupResult {
    const src = resolveSource(this.index, req.from);
    const tb = new TraceBuilder();
    const server = src.resolver.nameservers[0] ?? '127.0.0.1';
    const queries = req.client === 'busybox' ? busyboxQueries(req, src) : resolverQueries(req, src);
    const reachable = this.dnsReachable(src, tb);
    const base = { query: req.name, server, trace: tb.build() };
    if (!reachable) return { ...base, ok: false, records: [], addresses: [], timedOut: true, queries: [], elapsedMs: DNS_TIMEOUT_MS, trace: tb.build() };
    const done: DnsQueryResult[] = [];
    for (const q of queries) {
      const a = src.resolver.clusterDns ? this.dns.query(q.name, q.type) : { rcode: 'NXDOMAIN' as const, answers: [] };
      const followed = this.followCnames(a.answers, q.type);
      done.push({ name: q.name, type: q.type, rcode: a.rcode, answers: followed });
      if (req.client !== 'busybox' && followed.some((r) => r.type === 'A')) break;
    }
    const hit = done.find((q) => q.answers.length > 0);
    const records = hit?.answers ?? [];
    const addresses = records.filter((r) => r.type === 'A').map((r) => r.value);
    tb.hop({ kind: 'dns', detail: hit ? `${req.name} → ${hit.name}: ${records.map((r) => r.value).join(', ')}` : `${req.name}: NXDOMAIN`, ip: server, port: 53, verdict: hit ? 'allowed' : 'denied' });
    return { query: req.name, fqdn: hit?.name, ok: !!hit, records, addresses, nxdomain: !hit, server, queries: done, elapsedMs: 1, trace: tb.build() };
  }

  private echo(req: PingRequest): PingResult {
    const count = req.count ?? 4;
    const src = resolveSource(this.index, req.from);
    const tb = new TraceBuilder();
    const resolved = this.resolve(src, req.host, tb);
    if (!resolved.ok) return { ok: false, host: req.host, transmitted: 0, received: 0, rttMs: [], error: 'no such host', trace: tb.build() };
    const reply = this.icmpReaches(src, resolved.ip, tb);
    const sameNode = reply.nodeName !== undefined && reply.nodeName === src.nodeName;
    const rttMs = reply.ok ? Array.from({ length: count }, () => (sameNode ? 0.05 : 0.4) + this.latencyRng.int(100) / 1000) : [];
    return { ok: reply.ok, host: req.host, ip: resolved.ip, transmitted: count, received: rttMs.length, rttMs, trace: tb.build() };
  }

  resolvConf(pod: KubeObject): string {
    return resolvConfText(pod);
  }

  hostsFile(pod: KubeObject): string {
    return hostsFileText(pod);
  }

  policiesSelecting(namespace: string, pod: string): { ingress: PolicyRef[]; egress: PolicyRef[] } {
    const p = this.index.pod(namespace, pod);
    const out = { ingress: [] as PolicyRef[], egress: [] as PolicyRef[] };
    if (!p || p.spec?.hostNetwork) return out;
    for (const np of this.index.policies(namespace)) {
      if (!matches(np.podSelector, p.metadata.labels)) continue;
      if (np.ingressIsolation) out.ingress.push({ namespace, name: np.name, direction: 'Ingress' });
      if (np.egressIsolation) out.egress.push({ namespace, name: np.name, direction: 'Egress' });
    }
    return out;
  }

  enableAddon(name: 'ingress-nginx'): void {
    if (name !== 'ingress-nginx') throw new Error(`network: unknown add-on "${name as string}"`);
    installIngressNginx(this.ctx);
  }

  nodeIP(nodeName: string): string | undefined {
    return this.index.nodeIP(nodeName);
  }

  loadBalancerPool(): { first: string; last: string } {
    return this.pool();
  }

  // ---- internals -----------------------------------------------------------

  /** Name → IPv4 as the sender's stub resolver does it: literal, /etc/hosts, then DNS with the search list. */
  resolve(src: Source, host: string, tb: TraceBuilder): Resolved {
    const name = host.toLowerCase();
    if (isIPv4(name)) return { ok: true, ip: name };
    const fromHosts = src.hosts.get(name.replace(/\.$/, ''));
    if (fromHosts) {
      tb.hop({ kind: 'dns', detail: `${host} → ${fromHosts} (/etc/hosts)`, ip: fromHosts, verdict: 'allowed' });
      return { ok: true, ip: fromHosts };
    }
    if (src.resolver.nameservers.length === 0) {
      tb.hop({ kind: 'dns', detail: `${host}: no nameserver configured`, verdict: 'denied' });
      return { ok: false, dnsFailed: false, elapsedMs: 0 };
    }
    if (!this.dnsReachable(src, tb)) return { ok: false, dnsFailed: true, elapsedMs: DNS_TIMEOUT_MS };
    for (const candidate of searchCandidates(name, src.resolver)) {
      if (!src.resolver.clusterDns) break;
      const a = this.followCnames(this.dns.query(candidate, 'A').answers, 'A').find((r) => r.type === 'A');
      if (a) {
        tb.hop({ kind: 'dns', detail: `${host} → ${candidate} → ${a.value}`, ip: a.value, verdict: 'allowed' });
        return { ok: true, ip: a.value };
      }
    }
    tb.hop({ kind: 'dns', detail: `${host}: NXDOMAIN (tried ${searchCandidates(name, src.resolver).join(', ')})`, verdict: 'denied' });
    return { ok: false, dnsFailed: false, elapsedMs: 1 };
  }

  /** Can the sender's DNS queries reach a CoreDNS pod (UDP 53 via the kube-dns Service, policies applied)? */
  private dnsReachable(src: Source, tb: TraceBuilder): boolean {
    if (!src.resolver.clusterDns) return src.kind !== 'outside' || src.resolver.nameservers.length > 0;
    // Reachability only changes with the objects it depends on: memoise per sender until the next change.
    const key = `${src.pod?.metadata.uid ?? src.nodeName}`;
    const memo = this.dnsMemo.get(key);
    if (memo && memo.version === this.index.version && memo.ok) return true;
    const sub = new TraceBuilder();
    const conn = connect(this.index, this.proxy, src, CLUSTER_DNS_IP, 53, 'UDP', sub);
    this.dnsMemo.set(key, { version: this.index.version, ok: conn.ok });
    if (conn.ok) return true;
    for (const h of sub.path) tb.hop({ ...h, kind: h.kind === 'service' ? 'dns' : h.kind, detail: `DNS: ${h.detail}` });
    tb.deniedBy.push(...sub.deniedBy);
    tb.hop({ kind: 'dns', detail: `DNS server ${CLUSTER_DNS_IP} unreachable: lookups time out`, ip: CLUSTER_DNS_IP, port: 53, verdict: 'denied' });
    return false;
  }

  /** CoreDNS follows a CNAME whose target is in the cluster zone and adds its A records. */
  private followCnames(answers: DnsQueryResult['answers'], type: string): DnsQueryResult['answers'] {
    const out = [...answers];
    let last = out[out.length - 1];
    for (let i = 0; i < 8 && last?.type === 'CNAME'; i++) {
      const next = this.dns.query(last.value, type === 'AAAA' ? 'AAAA' : 'A').answers;
      if (next.length === 0) break;
      out.push(...next);
      last = out[out.length - 1];
    }
    return out;
  }

  private responder(): PodResponder | undefined {
    return this.ctx.services.get(KUBELET_SERVICE) as PodResponder | undefined;
  }

  private listens(conn: Connection, protocol: Protocol = 'TCP'): boolean {
    const t = conn.target;
    if (t.kind === 'node') return nodeHostListens(this.ctx, this.index, t.nodeName, t.port, protocol, this.responder());
    if (t.kind === 'pod' && protocol === 'TCP' && isIngressControllerPod(t.pod) && (t.port === 80 || t.port === 443) && this.ingress) return true;
    if (t.kind === 'pod' && isDnsPod(t.pod) && t.port === 53) return true;
    return this.responder()?.isListening(t.pod, t.port, protocol) ?? false;
  }

  private refusedTrace(tb: TraceBuilder, conn: Connection) {
    tb.hop({ kind: conn.target.kind === 'node' ? 'node' : 'pod', detail: `nothing listens on ${conn.target.ip}:${conn.target.port}: connection refused`, ip: conn.target.ip, port: conn.target.port, verdict: 'denied' });
    return tb.build();
  }

  private serve(conn: Connection, req: Parameters<PodResponder['serveHttp']>[2], tls: boolean, tb: TraceBuilder): InboundHttpResult {
    const t = conn.target;
    if (t.kind === 'node') return nodeHostResponse(this.ctx, this.index, t.nodeName, t.port, req, tls, this.responder());
    if (t.kind === 'pod' && this.ingress && isIngressControllerPod(t.pod) && (t.port === 80 || t.port === 443)) {
      return this.ingress.serve(t.pod, req, tls, tb);
    }
    const r = this.responder();
    if (!r) return { error: 'connection reset' };
    return r.serveHttp(t.pod, t.port, req);
  }

  /** Forward one request from a pod to ip:port (used by the ingress controller's proxy). */
  forwardFromPod(pod: KubeObject, ip: string, port: number, req: Parameters<PodResponder['serveHttp']>[2], tb: TraceBuilder): InboundHttpResult | { refused: true } | { dropped: true } {
    const src = resolveSource(this.index, { namespace: pod.metadata.namespace!, pod: pod.metadata.name! });
    const conn = connect(this.index, this.proxy, src, ip, port, 'TCP', tb);
    if (!conn.ok) return conn.error === 'timeout' ? { dropped: true } : { refused: true };
    if (!this.listens(conn)) return { refused: true };
    return this.serve(conn, { ...req, remoteIP: conn.seenSourceIP, localIP: conn.target.ip, localPort: conn.target.port }, false, tb);
  }

  /** ICMP echo: pods and nodes answer; Service VIPs never do (iptables kube-proxy only DNATs TCP/UDP/SCTP). */
  private icmpReaches(src: Source, ip: string, tb: TraceBuilder): { ok: boolean; nodeName?: string } {
    if (ip === '127.0.0.1') return { ok: true, nodeName: src.nodeName };
    if (this.index.serviceByClusterIP(ip) || this.index.serviceByExternalIP(ip)) {
      tb.hop({ kind: 'service', detail: `${ip} is a Service VIP: kube-proxy does not answer ICMP`, ip, verdict: 'denied' });
      return { ok: false };
    }
    const node = this.index.nodeByIP(ip);
    if (node) return { ok: true, nodeName: node.metadata.name };
    const pod = this.index.podByIP(ip);
    if (!pod || src.kind === 'outside') {
      tb.hop({ kind: 'external', detail: `${ip}: no route`, ip, verdict: 'denied' });
      return { ok: false };
    }
    // CNIs that enforce policy (Calico, Cilium) drop ICMP to an isolated pod unless a rule with no ports admits the peer.
    const sub = new TraceBuilder();
    const conn = connect(this.index, this.proxy, src, ip, 0, 'ICMP', sub);
    for (const h of sub.path) tb.hop(h);
    tb.allowedBy.push(...sub.allowedBy);
    tb.deniedBy.push(...sub.deniedBy);
    return { ok: conn.ok, nodeName: pod.spec?.nodeName };
  }
}

/** A failure is a policy decision when isolating policies dropped it (the trace names them). */
function verdictOf(ok: boolean, trace: { deniedBy?: PolicyRef[] }): FlowRecord['verdict'] {
  if (ok) return 'allowed';
  return trace.deniedBy?.length ? 'denied' : 'failed';
}

function isDnsPod(pod: KubeObject): boolean {
  return pod.metadata.namespace === 'kube-system' && pod.metadata.labels?.['k8s-app'] === 'kube-dns';
}

function busyboxQueries(req: DnsLookupRequest, src: Source): { name: string; type: DnsQueryResult['type'] }[] {
  if (!req.type && isIPv4(req.name)) return [{ name: req.name.split('.').reverse().join('.') + '.in-addr.arpa', type: 'PTR' }];
  const types: DnsQueryResult['type'][] = req.type ? [req.type] : ['A', 'AAAA'];
  const out: { name: string; type: DnsQueryResult['type'] }[] = [];
  for (const type of types) {
    // add_query_with_search: only a dotless name gets the search list (and then only the search list).
    if (type === 'PTR' || src.resolver.search.length === 0 || req.name.includes('.')) out.push({ name: req.name, type });
    else for (const d of src.resolver.search) out.push({ name: `${req.name}.${d}`, type });
  }
  return out;
}

function resolverQueries(req: DnsLookupRequest, src: Source): { name: string; type: DnsQueryResult['type'] }[] {
  const type = req.type ?? 'A';
  if (type === 'PTR') return [{ name: isIPv4(req.name) ? req.name.split('.').reverse().join('.') + '.in-addr.arpa' : req.name, type }];
  return searchCandidates(req.name.toLowerCase(), src.resolver).map((name) => ({ name, type }));
}

interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
}

/** http(s)://host[:port][/path][?query]; a bare host[:port][/path] is http (wget/curl accept it). */
export function parseUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+)(?::(\d+))?([^#\s]*)/i.exec(url.trim());
  if (!m) return undefined;
  const scheme = (m[1]?.toLowerCase() ?? 'http') as 'http' | 'https';
  const port = m[3] ? Number(m[3]) : defaultPort(scheme);
  let path = m[4] || '/';
  if (!path.startsWith('/')) path = `/${path}`;
  return { scheme, host: m[2], port, path };
}

function defaultPort(scheme: string): number {
  return scheme === 'https' ? 443 : 80;
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}
