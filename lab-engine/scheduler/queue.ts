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
    if (!this.active.has(key)) this.active.set(key, { priority, seq: this.seq++ });
    this.kick();
  }

  pop(): string | undefined {
    let best: string | undefined;
    let bp = 0;
    let bs = 0;
    for (const [k, v] of this.active) {
      if (best === undefined || v.priority > bp || (v.priority === bp && v.seq < bs)) {
        best = k;
        bp = v.priority;
        bs = v.seq;
      }
    }
    if (best !== undefined) this.active.delete(best);
    return best;
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
