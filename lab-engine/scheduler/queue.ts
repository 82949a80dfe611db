import type { ClusterContext } from '../sim/context';

interface Unschedulable {
  key: string;
  priority: number;
  attempts: number;
  lastAttemptMs: number;
  message: string;
  plugins: string[];
  timer?: () => void;
}

const INITIAL_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;
const MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
const FLUSH_PERIOD_MS = 30_000;

/**
 * PriorityQueue (pkg/scheduler/backend/queue/scheduling_queue.go): activeQ
 * ordered by priority then arrival (PrioritySort), unschedulablePods moved
 * back by cluster events through a per-pod back-off (1 s doubling to 10 s),
 * and flushed after 5 minutes regardless.
 */
export class SchedulingQueue {
  private active = new Map<string, { priority: number; seq: number }>();
  private seq = 0;
  private unsched = new Map<string, Unschedulable>();
  private attempts = new Map<string, number>();

  constructor(
    private readonly ctx: ClusterContext,
    private readonly kick: () => void,
  ) {
    const flush = () => {
      const now = ctx.clock.nowMs();
      this.moveAll('UnschedulableTimeout', (u) => now - u.lastAttemptMs >= MAX_IN_UNSCHEDULABLE_MS);
      ctx.runtime.after(FLUSH_PERIOD_MS, flush, { background: true, label: 'scheduler:flushUnschedulablePodsLeftover' });
    };
    ctx.runtime.after(FLUSH_PERIOD_MS, flush, { background: true, label: 'scheduler:flushUnschedulablePodsLeftover' });
  }

  addActive(key: string, priority: number): void {
    const u = this.unsched.get(key);
    if (u?.timer) u.timer();
    this.unsched.delete(key);
    if (!this.active.has(key)) {
      const e = { priority, seq: this.seq++ };
      this.active.set(key, e);
      this.heapPush({ key, ...e });
    }
    this.kick();
  }

  /** Highest priority first, then arrival order (a binary heap with lazy deletion). */
  pop(): string | undefined {
    for (let guard = 0; guard < 10_000_000 && this.heap.length; guard++) {
      const top = this.heapPop()!;
      const cur = this.active.get(top.key);
      if (!cur || cur.seq !== top.seq) continue; // stale entry
      this.active.delete(top.key);
      return top.key;
    }
    return undefined;
  }

  private heap: { key: string; priority: number; seq: number }[] = [];

  private before(a: { priority: number; seq: number }, b: { priority: number; seq: number }): boolean {
    return a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq);
  }

  private heapPush(e: { key: string; priority: number; seq: number }): void {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private heapPop(): { key: string; priority: number; seq: number } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l], h[m])) m = l;
        if (r < h.length && this.before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }

  markUnschedulable(key: string, priority: number, message: string, plugins: string[]): void {
    const attempts = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempts);
    const prev = this.unsched.get(key);
    prev?.timer?.();
    this.unsched.set(key, { key, priority, attempts, lastAttemptMs: this.ctx.clock.nowMs(), message, plugins });
  }

  forget(key: string): void {
    this.active.delete(key);
    this.unsched.get(key)?.timer?.();
    this.unsched.delete(key);
    this.attempts.delete(key);
  }

  /** MoveAllToActiveOrBackoffQueue for the pods `which` selects; each waits out its back-off. */
  moveAll(_reason: string, which: (u: Unschedulable) => boolean): void {
    const now = this.ctx.clock.nowMs();
    for (const u of [...this.unsched.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      if (u.timer || !which(u)) continue;
      const backoff = Math.min(INITIAL_BACKOFF_MS * 2 ** (u.attempts - 1), MAX_BACKOFF_MS);
      const due = u.lastAttemptMs + backoff;
      if (due <= now) {
        this.addActive(u.key, u.priority);
        continue;
      }
      u.timer = this.ctx.runtime.at(due, () => {
        u.timer = undefined;
        if (this.unsched.get(u.key) === u) this.addActive(u.key, u.priority);
      }, { label: `scheduler:backoff:${u.key}` });
    }
  }

  unschedulableList(): { namespace: string; name: string; message: string }[] {
    return [...this.unsched.values()]
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map((u) => ({ namespace: u.key.split('/')[0], name: u.key.split('/')[1], message: u.message }));
  }
}
