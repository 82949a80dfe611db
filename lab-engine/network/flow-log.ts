import type { FlowTrace, Hop, PolicyRef, TrafficSource } from './service';

/** How many flows the log keeps (oldest dropped first). */
export const FLOW_LOG_CAPACITY = 256;

export type FlowKind = 'http' | 'tcp' | 'udp' | 'dns' | 'icmp';

/**
 * One flow the network carried (or refused): who sent what to where, the
 * verdict, and the NetworkPolicies (with rule index) that decided it — what
 * the lab UI shows when a learner asks "why can't my pod reach that?".
 * Identical consecutive flows (a `while …; do wget …; done` loop) are
 * coalesced into one record with a count.
 */
export interface FlowRecord {
  /** Increasing id; a poller asks for flows after the last one it saw. */
  seq: number;
  /** Virtual time of the first and the latest of the coalesced flows. */
  atMs: number;
  lastAtMs: number;
  count: number;
  kind: FlowKind;
  from: TrafficSource;
  /** `namespace/pod`, `node/NAME` or `outside`. */
  fromLabel: string;
  /** What the sender asked for: the URL, `host:port`, the DNS name or the ping host. */
  to: string;
  /** The address it resolved to and the destination port (when it got that far). */
  ip?: string;
  port?: number;
  /**
   * `allowed`: delivered (policies, if any selected the pods, allowed it);
   * `denied`: dropped by NetworkPolicy (deniedBy names the isolating policies);
   * `failed`: not a policy decision (refused, no endpoints, NXDOMAIN, unroutable).
   */
  verdict: 'allowed' | 'denied' | 'failed';
  /** One line: `HTTP 200`, `connection refused`, `timeout`, `NXDOMAIN`, `open`, `4/4 replies`. */
  outcome: string;
  allowedBy: PolicyRef[];
  deniedBy: PolicyRef[];
  /** The hops in order (DNS, Service DNAT, policies, delivery). */
  path: Hop[];
}

export interface FlowQuery {
  /** Only flows with seq greater than this (incremental polling). */
  afterSeq?: number;
  /** Only flows sent by, or delivered to, this pod. */
  pod?: { namespace: string; name: string };
  verdict?: FlowRecord['verdict'];
  /** At most this many, the newest. */
  limit?: number;
}

export type FlowInput = Omit<FlowRecord, 'seq' | 'atMs' | 'lastAtMs' | 'count' | 'fromLabel' | 'allowedBy' | 'deniedBy' | 'path'> & { trace: FlowTrace };

/** A bounded ring of flows, oldest first. */
export class FlowLog {
  private readonly flows: FlowRecord[] = [];
  private seq = 0;

  constructor(private readonly capacity = FLOW_LOG_CAPACITY) {}

  record(input: FlowInput, nowMs: number): FlowRecord {
    const { trace, ...rest } = input;
    const last = this.flows[this.flows.length - 1];
    // A repeat of the last flow (a load loop) only bumps its count: checked before building a record.
    if (last && repeats(last, input)) {
      last.count++;
      last.lastAtMs = nowMs;
      return last;
    }
    const next: Omit<FlowRecord, 'seq' | 'atMs' | 'lastAtMs' | 'count'> = {
      ...rest,
      fromLabel: sourceLabel(input.from),
      allowedBy: trace.allowedBy ?? [],
      deniedBy: trace.deniedBy ?? [],
      path: trace.path,
    };
    const rec: FlowRecord = { seq: ++this.seq, atMs: nowMs, lastAtMs: nowMs, count: 1, ...next };
    this.flows.push(rec);
    if (this.flows.length > this.capacity) this.flows.shift();
    return rec;
  }

  query(q: FlowQuery = {}): FlowRecord[] {
    let out = this.flows.filter((f) => (q.afterSeq === undefined || f.seq > q.afterSeq) && (!q.verdict || f.verdict === q.verdict) && (!q.pod || involves(f, q.pod)));
    if (q.limit !== undefined) out = out.slice(Math.max(0, out.length - q.limit));
    return out.map((f) => ({ ...f }));
  }

  clear(): void {
    this.flows.length = 0;
  }
}

export function sourceLabel(from: TrafficSource): string {
  if (from === 'outside') return 'outside';
  return 'pod' in from ? `${from.namespace}/${from.pod}` : `node/${from.node}`;
}

function repeats(a: FlowRecord, b: FlowInput): boolean {
  return a.kind === b.kind && a.to === b.to && a.ip === b.ip && a.port === b.port && a.verdict === b.verdict && a.outcome === b.outcome && sameSource(a.from, b.from) && samePolicies(a.allowedBy, b.trace.allowedBy ?? []) && samePolicies(a.deniedBy, b.trace.deniedBy ?? []);
}

function sameSource(a: TrafficSource, b: TrafficSource): boolean {
  if (a === 'outside' || b === 'outside') return a === b;
  if ('pod' in a) return 'pod' in b && a.pod === b.pod && a.namespace === b.namespace;
  return 'node' in b && a.node === b.node;
}

function samePolicies(a: PolicyRef[], b: PolicyRef[]): boolean {
  return a.length === b.length && a.every((p, i) => p.namespace === b[i].namespace && p.name === b[i].name && p.direction === b[i].direction && p.rule === b[i].rule);
}

function involves(f: FlowRecord, pod: { namespace: string; name: string }): boolean {
  if (f.fromLabel === `${pod.namespace}/${pod.name}`) return true;
  return f.path.some((h) => h.pod?.namespace === pod.namespace && h.pod?.name === pod.name);
}
