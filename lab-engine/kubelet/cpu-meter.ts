/**
 * CPU work a container did serving requests, on the virtual clock: the
 * cumulative usage counter cAdvisor keeps per cgroup (cpuacct.usage), read
 * as a rate over a window the way metrics-server turns two scrapes into
 * `usage.cpu`, and CFS bandwidth control (the CPU limit's quota per 100 ms
 * period) stretching requests once the container is over its quota.
 *
 * Work is kept in one-second buckets of a ring (the last RING_S seconds), so a
 * meter is O(1) per charge and O(window) per read, whatever the request rate.
 */
const RING_S = 60;
/** metrics-server's default `--metric-resolution` (15 s): usage is the rate over this window. */
export const METRICS_WINDOW_MS = 15_000;
/** CFS period (`cpu.cfs_period_us` = 100 ms); the quota is limit × period. */
const CFS_PERIOD_MS = 100;

export class CpuMeter {
  /** CPU-ms per second bucket: ring[s % RING_S] holds second s when stamps[s % RING_S] === s. */
  private readonly ring = new Float64Array(RING_S);
  private readonly stamps = new Float64Array(RING_S).fill(-1);
  /** Fluid CFS model: virtual time by which the quota has paid for all work so far. */
  private quotaPaidUntilMs = Number.NEGATIVE_INFINITY;
  /** When the meter started counting (the container's start): a young container's rate is over its age. */
  private readonly sinceMs: number;
  /** Requests served and CPU-ms charged since start (cumulative, like the cgroup counter). */
  requests = 0;
  totalCpuMs = 0;

  constructor(startMs: number) {
    this.sinceMs = startMs;
  }

  /**
   * Charges `cpuMs` of work (one request, or `count` identical ones arriving
   * together) at `nowMs` and returns how long the last one takes to be served:
   * at least its CPU time on one core, more when the CPU limit's quota is
   * spent (throttling). `limitCores` undefined = no limit.
   */
  charge(nowMs: number, cpuMs: number, limitCores: number | undefined, count = 1): number {
    if (cpuMs <= 0 || count <= 0) return 0;
    const work = cpuMs * count;
    this.add(nowMs, work);
    this.requests += count;
    this.totalCpuMs += work;
    if (limitCores === undefined || limitCores >= 1) return cpuMs;
    // A container idle for a while may burst through its quota of one period
    // before being throttled: credit of (1 - limit) × period.
    const burstMs = CFS_PERIOD_MS * (1 - limitCores);
    this.quotaPaidUntilMs = Math.max(this.quotaPaidUntilMs, nowMs - burstMs) + work / limitCores;
    return Math.max(cpuMs, this.quotaPaidUntilMs - nowMs);
  }

  /** Average CPU use in millicores over the window ending at `nowMs`, capped by the limit (quota). */
  usageMillis(nowMs: number, limitCores?: number, windowMs = METRICS_WINDOW_MS): number {
    const span = Math.min(windowMs, nowMs - this.sinceMs);
    if (span <= 0 || this.totalCpuMs === 0) return 0;
    const from = nowMs - span;
    let sum = 0;
    const last = Math.floor(nowMs / 1000);
    for (let s = Math.floor(from / 1000); s <= last; s++) {
      const i = s % RING_S;
      if (this.stamps[i] !== s) continue;
      // Part of the first bucket that falls inside the window (work spread evenly over its second).
      const lo = Math.max(from, s * 1000);
      const hi = Math.min(nowMs, s * 1000 + 1000);
      if (hi <= lo) continue;
      sum += this.ring[i] * (s === last ? 1 : (hi - lo) / 1000);
    }
    const millicores = (sum / span) * 1000;
    return limitCores === undefined ? millicores : Math.min(millicores, limitCores * 1000);
  }

  private add(nowMs: number, work: number): void {
    const s = Math.floor(nowMs / 1000);
    const i = s % RING_S;
    if (this.stamps[i] !== s) {
      this.stamps[i] = s;
      this.ring[i] = 0;
    }
    this.ring[i] += work;
  }
}
