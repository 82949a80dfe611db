import type { KubeObject } from '../api/types';
import type { FlowQuery, FlowRecord } from './flow-log';

/**
 * The cluster network model, registered as `ctx.services.get('network')` by
 * `installNetworking`. Everything that sends traffic (the shell's wget/curl/nc/
 * nslookup/ping inside `kubectl exec`, the learner's machine, probes that go
 * over the network, the lab UI) calls this; everything that answers traffic
 * (container processes) is reached through the kubelet's `PodResponder`
 * (below), registered as `ctx.services.get('kubelet')`.
 *
 * Traffic is simulated at the request level: one call = one connection /
 * one HTTP exchange / one DNS query. Every result carries a `FlowTrace` so the
 * lab UI can explain which hop, Service and NetworkPolicy decided the outcome.
 *
 * Results are values (never thrown): a failure is `{ ok: false, error }`.
 */

// ---- who sends ------------------------------------------------------------

/**
 * Where traffic starts:
 * - a pod (its namespace decides DNS search paths; its labels/namespace the
 *   egress NetworkPolicies that apply),
 * - a node's host network namespace (`{ node: 'controlplane' }`, e.g. ssh to a node),
 * - `'outside'`: the learner's machine, which reaches node InternalIPs,
 *   NodePorts and LoadBalancer IPs but not ClusterIPs or pod IPs.
 */
export type TrafficSource = { namespace: string; pod: string } | { node: string } | 'outside';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

// ---- traces ---------------------------------------------------------------

/** A NetworkPolicy that took part in a decision. */
export interface PolicyRef {
  namespace: string;
  name: string;
  /** Which side of the flow the policy governs. */
  direction: 'Ingress' | 'Egress';
  /** Index of the rule in spec.ingress / spec.egress that matched (allowedBy only). */
  rule?: number;
}

export type HopKind =
  | 'dns' // a name was resolved (or not)
  | 'service' // ClusterIP:port → endpoint (kube-proxy)
  | 'nodePort' // nodeIP:nodePort → endpoint
  | 'loadBalancer' // LB IP:port → endpoint
  | 'ingress' // ingress-nginx routed Host/path → a backend Service
  | 'egress-policy' // NetworkPolicy check on the sending pod
  | 'ingress-policy' // NetworkPolicy check on the receiving pod
  | 'pod' // delivered to a pod IP:port
  | 'node' // delivered to a node's host network
  | 'external'; // an address outside the cluster

export interface Hop {
  kind: HopKind;
  /** One line for humans: `Service default/web 10.96.12.3:80 → 10.244.1.5:8080 (pod default/web-7d9c…)`. */
  detail: string;
  /** Structured bits for the UI (any of these may be present). */
  service?: { namespace: string; name: string };
  pod?: { namespace: string; name: string };
  ip?: string;
  port?: number;
  verdict?: 'allowed' | 'denied';
  policies?: PolicyRef[];
}

export interface FlowTrace {
  /** The hops in order, from the sender to where the flow ended. */
  path: Hop[];
  /** Policies whose rules allowed the flow (both directions), if any were selected. */
  allowedBy?: PolicyRef[];
  /**
   * Policies that isolate the pod that dropped the flow (a NetworkPolicy never
   * "denies" by a rule: a flow is dropped when the pod is isolated in that
   * direction and no selecting policy allows it; these are the isolating ones).
   */
  deniedBy?: PolicyRef[];
}

// ---- results --------------------------------------------------------------

/**
 * Why a connection failed, in the network's words; the shell turns these into
 * each tool's text with `formatWgetError`, `formatCurlError`, … (network/format/).
 * - `no such host`: the name did not resolve: NXDOMAIN, or the resolver could
 *   not be reached (then `dnsFailed: true` and elapsedMs is the resolver's
 *   timeout; wget/curl print the same "bad address"/"Could not resolve host").
 * - `connection refused`: the IP exists and is reachable but nothing listens
 *   (also: a ClusterIP Service with no ready endpoints, as kube-proxy rejects it).
 * - `timeout`: dropped (NetworkPolicy, unroutable address, ClusterIP from outside).
 * - `no route to host`: reserved for addresses in the pod/service ranges nobody owns.
 * - `connection reset`: the peer accepted then reset (e.g. HTTP to a non-HTTP server).
 */
export type NetworkError = 'connection refused' | 'timeout' | 'no such host' | 'no route to host' | 'connection reset';

export interface Failure {
  ok: false;
  error: NetworkError;
  /** The host as the caller wrote it, and the address it resolved to (if it did). */
  host: string;
  ip?: string;
  port?: number;
  /** True when the failure happened while resolving the name (DNS dropped or timed out). */
  dnsFailed?: boolean;
  /** Virtual ms the attempt took (timeouts take timeoutMs, refusals 0). */
  elapsedMs: number;
  trace: FlowTrace;
}

export interface HttpRequest {
  from: TrafficSource;
  /** false: not written to the flow log (the grader's own probes). Default true. */
  record?: boolean;
  method?: string; // default GET
  /** `http://host[:port]/path?query`; `https://` is accepted (TLS is not modelled; ingress checks its secret). */
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Default 5000 ms for curl-like callers; wget in busybox has no default (we use 10 000). */
  timeoutMs?: number;
}

export interface HttpResponse {
  ok: true;
  status: number;
  statusText: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
  /** The address that answered (after DNS). */
  ip: string;
  port: number;
  elapsedMs: number;
  trace: FlowTrace;
}

export type HttpResult = HttpResponse | Failure;

export interface TcpConnectRequest {
  from: TrafficSource;
  /** false: not written to the flow log (the grader's own probes). Default true. */
  record?: boolean;
  host: string;
  port: number;
  protocol?: Protocol; // default TCP
  timeoutMs?: number;
}

export type TcpConnectResult = { ok: true; ip: string; port: number; elapsedMs: number; trace: FlowTrace } | Failure;

export interface DnsRecord {
  name: string; // FQDN with no trailing dot
  type: 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR';
  value: string;
}

export interface DnsLookupRequest {
  from: TrafficSource;
  /** false: not written to the flow log (the grader's own probes). Default true. */
  record?: boolean;
  name: string;
  /** Default 'A' ('PTR' when name is an IPv4 address and client is busybox). */
  type?: 'A' | 'AAAA' | 'SRV' | 'PTR';
  /**
   * Who asks, which decides the queries sent:
   * - 'resolver' (default): a libc stub resolver (wget, curl, ping, getent):
   *   ndots:5 search list, A only, stops at the first answer.
   * - 'busybox': busybox >= 1.30 `nslookup` (add_query_with_search): a dotless
   *   name is tried under every search domain, a dotted name only as given;
   *   A then AAAA unless a type is given; a bare IPv4 becomes a PTR query.
   */
  client?: 'resolver' | 'busybox';
}

/** One DNS query sent and what the server answered (for nslookup-style printing). */
export interface DnsQueryResult {
  name: string;
  type: 'A' | 'AAAA' | 'SRV' | 'PTR';
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: DnsRecord[];
}

export interface DnsLookupResult {
  /** true when the name resolved (possibly to several records). */
  ok: boolean;
  /** The name as asked, the FQDN that answered (search path applied), and the answers. */
  query: string;
  fqdn?: string;
  records: DnsRecord[];
  /** A-record IPs in answer order (after following a CNAME inside the cluster). */
  addresses: string[];
  /** NXDOMAIN: no such name (after trying every search path). */
  nxdomain?: boolean;
  /** The resolver was unreachable (egress policy without DNS) → `;; connection timed out; no servers could be reached`. */
  timedOut?: boolean;
  /** The resolver the client used (`10.96.0.10` in pods with ClusterFirst). */
  server: string;
  /** Every query sent, in order, with its answer (empty when timedOut). */
  queries: DnsQueryResult[];
  /** Virtual ms the lookup took (10 000 when the resolver could not be reached). */
  elapsedMs: number;
  trace: FlowTrace;
}

export interface PingRequest {
  from: TrafficSource;
  /** false: not written to the flow log (the grader's own probes). Default true. */
  record?: boolean;
  host: string;
  count?: number; // default 4 here (busybox pings forever; the shell passes -c)
}

export interface PingResult {
  ok: boolean; // at least one reply
  host: string;
  ip?: string;
  transmitted: number;
  received: number;
  /** Round-trip times in ms, one per reply. */
  rttMs: number[];
  error?: 'no such host';
  trace: FlowTrace;
}

// ---- the service ----------------------------------------------------------

export interface NetworkService {
  /** One HTTP exchange (wget, curl, probes with httpGet if the kubelet wants, the lab UI). */
  request(req: HttpRequest): HttpResult;
  /** A TCP (or UDP) connect without payload: `nc -z`, tcpSocket probes. */
  tcpConnect(req: TcpConnectRequest): TcpConnectResult;
  /** A DNS query as a pod's resolver makes it (search paths from the pod's namespace, ndots:5). */
  dnsLookup(req: DnsLookupRequest): DnsLookupResult;
  /** ICMP echo: pod and node IPs answer; ClusterIPs do not (kube-proxy only forwards TCP/UDP/SCTP). */
  ping(req: PingRequest): PingResult;

  /** `/etc/resolv.conf` of a pod, as the kubelet writes it (dnsPolicy, dnsConfig, hostNetwork). */
  resolvConf(pod: KubeObject): string;
  /** `/etc/hosts` of a pod as the kubelet writes it (hostname, hostAliases). */
  hostsFile(pod: KubeObject): string;

  /**
   * The NetworkPolicies that select a pod, per direction (a pod listed under
   * `ingress` is isolated for ingress): what the lab UI shows beside a pod.
   */
  policiesSelecting(namespace: string, pod: string): { ingress: PolicyRef[]; egress: PolicyRef[] };

  /**
   * The flow log: the last FLOW_LOG_CAPACITY (256) flows sent through this
   * service, oldest first, each with its verdict and deciding policies
   * (network/flow-log.ts). `{afterSeq}` polls incrementally; `{pod}` keeps the
   * flows a pod sent or received; identical consecutive flows carry a count.
   */
  flowLog(query?: FlowQuery): FlowRecord[];

  /**
   * Installs a network add-on into the running cluster (idempotent), for lab
   * setup: 'ingress-nginx' writes the ingress-nginx bare-metal manifest.
   */
  enableAddon(name: 'ingress-nginx'): void;

  /** The InternalIP of a node (from its Node object). */
  nodeIP(nodeName: string): string | undefined;
  /** The LoadBalancer pool this cluster hands out from (`first-last`). */
  loadBalancerPool(): { first: string; last: string };
}

// ---- what the network needs from the container side ------------------------

/** What a container process receives for one inbound HTTP request. */
export interface InboundHttpRequest {
  method: string;
  /** Path + query as sent on the wire (after ingress rewrite, if any). */
  path: string;
  /** Lower-case header names; includes `host`. */
  headers: Record<string, string>;
  body: string;
  /** The client address as the pod sees it (kube-proxy SNATs in some cases; we pass the sender's IP). */
  remoteIP: string;
  /** The IP:port the connection was made to (pod IP and container port). */
  localIP: string;
  localPort: number;
}

export type InboundHttpResult =
  /** `serviceMs`: how long the server took (CPU work, stretched when throttled); added to the exchange's elapsedMs. */
  | { status: number; statusText?: string; headers?: Record<string, string>; body: string; serviceMs?: number }
  /** The process accepted the connection but did not speak HTTP / hung. */
  | { error: 'connection reset' | 'timeout' | 'empty reply' };

/**
 * Implemented by the kubelet (registered as `ctx.services.get('kubelet')`):
 * the process model decides who listens and how they answer. The network has
 * already applied routing and NetworkPolicy when it calls these.
 */
export interface PodResponder {
  /** Does a running container of this pod listen on port/protocol right now? */
  isListening(pod: KubeObject, port: number, protocol: Protocol): boolean;
  /**
   * Answer one HTTP request delivered to pod:port (only called when isListening).
   * `count` > 1: that many identical requests arrive together (an aggregated
   * load loop); the server answers once and is charged for all of them.
   */
  serveHttp(pod: KubeObject, port: number, req: InboundHttpRequest, count?: number): InboundHttpResult;
}

/** The key under which installNetworking registers the NetworkService. */
export const NETWORK_SERVICE = 'network';
/** The key under which the kubelet registers its PodResponder. */
export const KUBELET_SERVICE = 'kubelet';

/** Typed lookup for consumers: `getNetwork(ctx.services)`. */
export function getNetwork(services: Map<string, unknown>): NetworkService {
  const n = services.get(NETWORK_SERVICE) as NetworkService | undefined;
  if (!n) throw new Error('network service not installed (installNetworking not run)');
  return n;
}
