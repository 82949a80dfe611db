import { describe, expect, it } from 'vitest';
import { CpuMeter } from './cpu-meter';

describe('CpuMeter', () => {
  it.each([
    // [requests per second, cpu ms each, limit cores, expected millicores over the 15 s window]
    [10, 20, undefined, 200],
    [32, 20, undefined, 640],
    [32, 20, 0.5, 500], // over the quota: capped by the limit
    [100, 0.05, undefined, 5], // nginx: a static page costs little
  ])('%i req/s × %f ms (limit %s) → %i m', (rps, cpuMs, limit, expected) => {
    const m = new CpuMeter(0);
    for (let t = 0; t < 30_000; t += 1000 / rps) m.charge(t, cpuMs, limit);
    expect(Math.round(m.usageMillis(30_000, limit))).toBe(expected);
  });

  it('reports a young container over its age, and nothing once the work is older than the window', () => {
    const m = new CpuMeter(10_000);
    for (let t = 10_000; t < 12_000; t += 100) m.charge(t, 10, undefined);
    expect(Math.round(m.usageMillis(12_000))).toBe(100);
    expect(m.usageMillis(40_000)).toBe(0);
    expect(m.requests).toBe(20);
  });

  it('serves a request in its CPU time until the quota is spent, then throttles (CFS)', () => {
    const m = new CpuMeter(0);
    // Idle container, 500m limit: the first 20 ms request runs unthrottled.
    expect(m.charge(1000, 20, 0.5)).toBe(20);
    // Back-to-back requests: throughput converges to the quota (0.5 core → 40 ms per 20 ms request).
    let t = 1020;
    let last = 0;
    for (let i = 0; i < 50; i++) {
      last = m.charge(t, 20, 0.5);
      t += last;
    }
    expect(last).toBeCloseTo(40, 5);
    // Without a limit (or one of a core or more) a request takes its CPU time.
    expect(new CpuMeter(0).charge(0, 20, undefined)).toBe(20);
    expect(new CpuMeter(0).charge(0, 20, 2)).toBe(20);
  });

  it('charges a batch of identical requests at once', () => {
    const a = new CpuMeter(0);
    const b = new CpuMeter(0);
    for (let i = 0; i < 10; i++) a.charge(5000, 3, undefined);
    b.charge(5000, 3, undefined, 10);
    expect(b.usageMillis(6000)).toBe(a.usageMillis(6000));
    expect(b.requests).toBe(10);
  });
});
