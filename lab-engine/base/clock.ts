/**
 * The virtual clock. Nothing in lab-engine reads real time: every timestamp,
 * back-off and age is computed from this clock, which only moves when the
 * cluster is told to advance or settle. That is what makes replay exact.
 */
export class Clock {
  private nowMsValue: number;
  private microTimeMs = NaN;
  private microTime = '';

  constructor(startMs: number) {
    if (!Number.isFinite(startMs)) throw new Error(`Clock: invalid start ${startMs}`);
    this.nowMsValue = Math.floor(startMs);
  }

  nowMs(): number {
    return this.nowMsValue;
  }

  /** RFC 3339 with second precision, as metav1.Time marshals (`2026-01-02T03:04:05Z`). */
  nowRfc3339(): string {
    return formatRfc3339(this.nowMsValue);
  }

  /** RFC 3339 with microseconds, as metav1.MicroTime marshals (Event.eventTime, Lease.renewTime). */
  nowMicroTime(): string {
    if (this.microTimeMs !== this.nowMsValue) {
      this.microTimeMs = this.nowMsValue;
      this.microTime = new Date(this.nowMsValue).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
    }
    return this.microTime;
  }

  /** Moves time forward. Time never goes back; asking for it is a bug. */
  advanceTo(ms: number): void {
    if (ms < this.nowMsValue) throw new Error(`Clock: cannot go back from ${this.nowMsValue} to ${ms}`);
    this.nowMsValue = Math.floor(ms);
  }
}

// Most writes in one settle step share a virtual second: remember the last one formatted.
let lastSecond = NaN;
let lastFormatted = '';

export function formatRfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second === lastSecond) return lastFormatted;
  const s = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  lastSecond = second;
  lastFormatted = s;
  return s;
}

export function parseRfc3339(s: string): number {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new Error(`invalid RFC 3339 time ${JSON.stringify(s)}`);
  return ms;
}
