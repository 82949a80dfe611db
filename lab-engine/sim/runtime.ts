import type { Clock } from '../base/clock';

/**
 * Work queues and timers, the way controllers run in kube-controller-manager
 * (client-go workqueue: a key is queued at most once; `addAfter` re-queues
 * later), but on the virtual clock and in one deterministic order.
 */
export interface Reconciler {
  readonly name: string;
  reconcile(key: string): void;
}

export interface Queue {
  add(key: string): void;
  addAfter(key: string, delayMs: number): void;
}

export interface TimerOptions {
  /**
   * Background timers (heartbeats, periodic resyncs, metrics scrapes) are run
   * by `advance` but do not keep `settle` going: settle stops when only
   * background timers remain.
   */
  background?: boolean;
  label?: string;
}

interface Timer {
  atMs: number;
  seq: number;
  fn: () => void;
  background: boolean;
  label: string;
  cancelled: boolean;
  /** Popped from the main heap (ran or was skipped as cancelled). */
  done: boolean;
}

interface Entry {
  reconciler: Reconciler;
  keys: Set<string>;
}

export class Runtime {
  private entries: Entry[] = [];
  private timers: Timer[] = []; // binary min-heap by (atMs, seq)
  /** The foreground timers again, so settle finds the next one without scanning every timer; entries popped lazily. */
  private foreground: Timer[] = [];
  private seq = 0;
  /** Total reconciles run, for benchmarks and loop bounds. */
  reconciles = 0;

  constructor(private readonly clock: Clock) {}

  register(reconciler: Reconciler): Queue {
    const entry: Entry = { reconciler, keys: new Set() };
    this.entries.push(entry);
    return {
      add: (key) => entry.keys.add(key),
      addAfter: (key, delayMs) => {
        if (delayMs <= 0) entry.keys.add(key);
        else this.at(this.clock.nowMs() + delayMs, () => entry.keys.add(key), { label: `${reconciler.name}:${key}` });
      },
    };
  }

  /** Runs fn when the virtual clock reaches atMs. Returns a cancel function. */
  at(atMs: number, fn: () => void, opts: TimerOptions = {}): () => void {
    const t: Timer = { atMs: Math.max(atMs, this.clock.nowMs()), seq: this.seq++, fn, background: !!opts.background, label: opts.label ?? '', cancelled: false, done: false };
    push(this.timers, t);
    if (!t.background) push(this.foreground, t);
    return () => {
      t.cancelled = true;
    };
  }

  after(delayMs: number, fn: () => void, opts: TimerOptions = {}): () => void {
    return this.at(this.clock.nowMs() + delayMs, fn, opts);
  }

  hasWork(): boolean {
    return this.entries.some((e) => e.keys.size > 0);
  }

  /**
   * Runs queued reconciles until every queue is empty. Controllers run in
   * registration order, each draining the keys queued when its turn starts.
   */
  drain(maxReconciles: number): void {
    let budget = maxReconciles;
    while (this.hasWork()) {
      for (const e of this.entries) {
        if (e.keys.size === 0) continue;
        const keys = [...e.keys];
        e.keys.clear();
        for (const k of keys) {
          if (budget-- <= 0) throw new LoopBoundError(`reconcile budget of ${maxReconciles} exhausted (last: ${e.reconciler.name} ${k})`);
          this.reconciles++;
          e.reconciler.reconcile(k);
        }
      }
    }
  }

  /** Due time of the earliest live timer, optionally ignoring background ones. */
  nextTimerMs(includeBackground: boolean): number | undefined {
    // Both heaps are ordered by atMs: drop dead entries from the top, and the top is the answer.
    const h = includeBackground ? this.timers : this.foreground;
    while (h.length && (h[0].cancelled || h[0].done)) {
      const t = pop(h)!;
      if (h === this.timers) t.done = true;
    }
    return h.length ? h[0].atMs : undefined;
  }

  /** Pops and runs every timer due at or before nowMs, in (time, creation) order. */
  runDueTimers(nowMs: number, maxTimers: number): number {
    let ran = 0;
    while (this.timers.length && this.timers[0].atMs <= nowMs) {
      const t = pop(this.timers)!;
      t.done = true;
      if (t.cancelled) continue;
      if (ran++ >= maxTimers) throw new LoopBoundError(`timer budget of ${maxTimers} exhausted (last: ${t.label})`);
      t.fn();
    }
    return ran;
  }

  pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }
}

function push(h: Timer[], t: Timer): void {
  h.push(t);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!before(h[i], h[p])) break;
    [h[i], h[p]] = [h[p], h[i]];
    i = p;
  }
}

function pop(h: Timer[]): Timer | undefined {
  if (!h.length) return undefined;
  const top = h[0];
  const last = h.pop()!;
  if (h.length) {
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l], h[m])) m = l;
      if (r < h.length && before(h[r], h[m])) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
  return top;
}

function before(a: Timer, b: Timer): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
}

/** A loop exceeded its bound: a bug or a hostile input. Carries enough to reproduce. */
export class LoopBoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoopBoundError';
  }
}
