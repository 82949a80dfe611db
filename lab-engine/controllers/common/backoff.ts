import type { Queue, Runtime } from '../../sim/runtime';

/**
 * workqueue.DefaultControllerRateLimiter's per-item exponential part
 * (5 ms doubling to 1000 s) for keys whose sync failed. Retries are
 * background timers: a controller stuck on a quota error must not keep
 * `settle` jumping the clock.
 */
export class RetryBackoff {
  private failures = new Map<string, number>();

  constructor(
    private readonly runtime: Runtime,
    private readonly queue: Queue,
  ) {}

  retry(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    const delayMs = Math.min(5 * 2 ** n, 1_000_000);
    this.runtime.after(delayMs, () => this.queue.add(key), { background: true, label: `retry:${key}` });
  }

  forget(key: string): void {
    this.failures.delete(key);
  }
}
