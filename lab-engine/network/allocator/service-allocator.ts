import type { AdmissionPlugin, Store } from '../../api/store';
import type { KubeObject, Json } from '../../api/types';
import type { Rng } from '../../base/rng';
import { invalid, internalError } from '../../api/errors';
import { field } from '../../api/field-errors';
import { formatIPv4, parseCidr, parseIPv4, type Cidr } from '../ip';

export const SERVICE_CIDR = '10.96.0.0/12';
export const NODE_PORT_RANGE = { base: 30000, size: 2768 }; // --service-node-port-range=30000-32767

/**
 * The service REST storage's allocators (pkg/registry/core/service/storage/alloc.go:
 * allocateCreate / allocateUpdate) as a final validating admission step:
 * ClusterIPs from --service-cluster-ip-range and NodePorts from
 * --service-node-port-range, with upstream's bitmap semantics
 * (ipallocator/bitmap.go, portallocator/allocator.go): dynamic values are
 * random in the upper band of the range (randomScanStrategyWithOffset), the
 * lower band is left for static requests such as 10.96.0.10.
 * What is allocated is derived from the stored Services, so a rejected or
 * dry-run request never leaks an address.
 */
export class ServiceAllocator implements AdmissionPlugin {
  readonly name = 'ServiceAllocator';
  private readonly cidr: Cidr;
  private readonly ipsBySvc = new Map<string, number[]>();
  private readonly portsBySvc = new Map<string, number[]>();
  private readonly usedIPs = new Map<number, number>(); // ip -> refcount
  private readonly usedPorts = new Map<number, number>();

  constructor(
    store: Store,
    private readonly rng: Rng,
    cidr = SERVICE_CIDR,
  ) {
    this.cidr = parseCidr(cidr)!;
    for (const svc of store.peekList('services')) this.track(svc);
    store.watch((ev) => (ev.type === 'DELETED' ? this.untrack(ev.object) : this.track(ev.object)), { resource: 'services' });
  }

  validate(op: 'CREATE' | 'UPDATE' | 'DELETE', def: { kind: string; group: string }, obj: KubeObject, old: KubeObject | undefined): void {
    if (def.kind !== 'Service' || def.group !== '' || op === 'DELETE') return;
    const own = op === 'UPDATE' ? key(obj) : undefined;
    this.checkFamilies(obj);
    this.allocClusterIPs(obj, old);
    this.allocNodePorts(obj, old, own);
  }

  isIPAllocated(ip: string): boolean {
    const n = parseIPv4(ip);
    return n !== undefined && this.usedIPs.has(n);
  }

  // ---- cluster IPs ---------------------------------------------------------

  /** initIPFamilyFields' cluster checks: this cluster is single-stack IPv4. */
  private checkFamilies(svc: KubeObject): void {
    const spec = svc.spec;
    if (spec.type === 'ExternalName') return;
    const headlessSelectorless = spec.clusterIP === 'None' && (!spec.selector || Object.keys(spec.selector).length === 0);
    if (headlessSelectorless) return;
    const errs = [];
    if (spec.ipFamilyPolicy === 'RequireDualStack') errs.push(field.invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, 'this cluster is not configured for dual-stack services'));
    (spec.ipFamilies ?? []).forEach((f: string, i: number) => {
      if (f !== 'IPv4') errs.push(field.invalid(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster'));
    });
    if (errs.length) throw invalid('Service', '', svc.metadata.name ?? '', errs);
  }

  private allocClusterIPs(svc: KubeObject, old: KubeObject | undefined): void {
    const spec = svc.spec;
    if (spec.type === 'ExternalName') return;
    if (spec.clusterIPs?.[0] === 'None' || spec.clusterIP === 'None') return;
    if (old && old.spec?.type !== 'ExternalName') return; // already allocated; immutability is validated
    const requested: string | undefined = spec.clusterIPs?.[0] || spec.clusterIP || undefined;
    if (requested) {
      const problem = this.checkIP(requested);
      if (problem) {
        const shown = spec.clusterIPs?.length ? spec.clusterIPs : [requested];
        throw invalid('Service', '', svc.metadata.name ?? '', [field.invalid('spec.clusterIPs', shown, `failed to allocate IP ${requested}: ${problem}`)]);
      }
      spec.clusterIP = requested;
      spec.clusterIPs = [requested];
      return;
    }
    const ip = this.nextIP();
    if (ip === undefined) throw internalError('failed to allocate a serviceIP: range is full');
    spec.clusterIP = formatIPv4(ip);
    spec.clusterIPs = [spec.clusterIP];
  }

  private checkIP(text: string): string | undefined {
    const ip = parseIPv4(text);
    const first = this.cidr.base + 1;
    const last = this.cidr.base + this.cidr.size - 2;
    if (ip === undefined || ip < first || ip > last) {
      return `the provided IP (${text}) is not in the valid range. The range of valid IPs is ${this.cidr.text}`;
    }
    if (this.usedIPs.has(ip)) return 'provided IP is already allocated';
    return undefined;
  }

  private nextIP(): number | undefined {
    const max = this.cidr.size - 2;
    const offset = rangeOffset(this.cidr.size, 256);
    const idx = randomScan(max, offset, this.rng, (i) => this.usedIPs.has(this.cidr.base + 1 + i));
    return idx === undefined ? undefined : this.cidr.base + 1 + idx;
  }

  // ---- node ports ----------------------------------------------------------

  private allocNodePorts(svc: KubeObject, old: KubeObject | undefined, own: string | undefined): void {
    const spec = svc.spec;
    if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return;
    const shouldAllocate = spec.type === 'NodePort' || spec.allocateLoadBalancerNodePorts !== false;
    const mine = new Set<number>(own ? (this.portsBySvc.get(own) ?? []) : []);
    const taken = new Set<number>();
    const byServicePort = new Map<number, number>();
    const ports: Json[] = spec.ports ?? [];
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i];
      if (!p.nodePort && !shouldAllocate) continue;
      const shared = byServicePort.get(p.port);
      if (!p.nodePort && shared) {
        p.nodePort = shared;
        continue;
      }
      if (p.nodePort) {
        if (shared !== p.nodePort && (taken.has(p.nodePort) || !mine.has(p.nodePort))) {
          const problem = taken.has(p.nodePort) ? 'provided port is already allocated' : this.checkPort(p.nodePort);
          if (problem) throw invalid('Service', '', svc.metadata.name ?? '', [field.invalid(`spec.ports[${i}].nodePort`, p.nodePort, problem)]);
        }
      } else {
        const next = this.nextPort(taken);
        if (next === undefined) throw internalError('failed to allocate a nodePort: range is full');
        p.nodePort = next;
      }
      taken.add(p.nodePort);
      byServicePort.set(p.port, p.nodePort);
    }
    void old;
  }

  private checkPort(port: number): string | undefined {
    const { base, size } = NODE_PORT_RANGE;
    if (port < base || port >= base + size) return `provided port is not in the valid range. The range of valid ports is ${base}-${base + size - 1}`;
    if (this.usedPorts.has(port)) return 'provided port is already allocated';
    return undefined;
  }

  private nextPort(taken: Set<number>): number | undefined {
    const { base, size } = NODE_PORT_RANGE;
    const idx = randomScan(size, rangeOffset(size, 128), this.rng, (i) => this.usedPorts.has(base + i) || taken.has(base + i));
    return idx === undefined ? undefined : base + idx;
  }

  // ---- index ---------------------------------------------------------------

  private track(svc: KubeObject): void {
    this.untrack(svc);
    const k = key(svc);
    const ips = (svc.spec?.clusterIPs ?? []).map(parseIPv4).filter((n: number | undefined): n is number => n !== undefined);
    const ports = [...new Set<number>((svc.spec?.ports ?? []).map((p: Json) => p?.nodePort).filter((n: unknown) => typeof n === 'number' && n > 0))];
    this.ipsBySvc.set(k, ips);
    this.portsBySvc.set(k, ports);
    for (const ip of ips) this.usedIPs.set(ip, (this.usedIPs.get(ip) ?? 0) + 1);
    for (const p of ports) this.usedPorts.set(p, (this.usedPorts.get(p) ?? 0) + 1);
  }

  private untrack(svc: KubeObject): void {
    const k = key(svc);
    for (const ip of this.ipsBySvc.get(k) ?? []) release(this.usedIPs, ip);
    for (const p of this.portsBySvc.get(k) ?? []) release(this.usedPorts, p);
    this.ipsBySvc.delete(k);
    this.portsBySvc.delete(k);
  }
}

function key(svc: KubeObject): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}`;
}

function release(m: Map<number, number>, v: number): void {
  const n = (m.get(v) ?? 0) - 1;
  if (n <= 0) m.delete(v);
  else m.set(v, n);
}

/** calculateRangeOffset (ipallocator/bitmap.go, portallocator): size/16 (ports: /32) clamped to [16, max]. */
function rangeOffset(size: number, max: number): number {
  const step = max === 256 ? 16 : 32;
  if (size < 16) return 0;
  return Math.min(Math.max(Math.floor(size / step), 16), max);
}

/**
 * randomScanStrategyWithOffset (allocator/bitmap.go): a random start in the
 * upper band [offset, max) scanning forward with wrap-around, then the lower
 * band [0, offset). Bounded by max probes.
 */
function randomScan(max: number, offset: number, rng: Rng, used: (i: number) => boolean): number | undefined {
  const upper = max - offset;
  if (upper > 0) {
    const start = rng.int(upper);
    for (let j = 0; j < upper; j++) {
      const i = offset + ((start + j) % upper);
      if (!used(i)) return i;
    }
  }
  if (offset > 0) {
    const start = rng.int(offset);
    for (let j = 0; j < offset; j++) {
      const i = (start + j) % offset;
      if (!used(i)) return i;
    }
  }
  return undefined;
}
