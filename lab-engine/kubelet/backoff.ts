/**
 * client-go flowcontrol.Backoff as the kubelet uses it: per key, the delay
 * starts at initialMs, doubles on each Next up to maxMs, and an entry idle for
 * 2×maxMs starts over (crash loops: 10 s → 5 min, reset after 10 min running).
 */
export class Backoff {
  private entries = new Map<string, { delayMs: number; lastUpdateMs: number }>();

  constructor(
    readonly initialMs: number,
    readonly maxMs: number,
  ) {}

  get(key: string): number {
    return this.entries.get(key)?.delayMs ?? 0;
  }

  next(key: string, nowMs: number): number {
    const e = this.entries.get(key);
    if (!e || nowMs - e.lastUpdateMs > 2 * this.maxMs) {
      this.entries.set(key, { delayMs: this.initialMs, lastUpdateMs: nowMs });
      return this.initialMs;
    }
    e.delayMs = Math.min(e.delayMs * 2, this.maxMs);
    e.lastUpdateMs = nowMs;
    return e.delayMs;
  }

  /** IsInBackOffSince(key, eventTime): still inside the window that started at eventMs. */
  isInBackOffSince(key: string, eventMs: number, nowMs: number): boolean {
    const e = this.entries.get(key);
    if (!e) return false;
    if (nowMs - e.lastUpdateMs > 2 * this.maxMs) return false;
    return nowMs - eventMs < e.delayMs;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}

/** Go's time.Duration.String() for whole milliseconds: 10s, 1m20s, 5m0s, 2.1s, 850ms. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const sMs = ms % 60_000;
  const s = sMs % 1000 === 0 ? String(sMs / 1000) : (sMs / 1000).toFixed(3).replace(/0+$/, '');
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}
