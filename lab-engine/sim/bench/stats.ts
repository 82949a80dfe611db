/** Small helpers shared by the benchmark modules (not part of the engine proper). */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samplesMs: number[]): Summary {
  const s = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] };
}

export function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = cpuNowMs();
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, cpuMs: cpuNowMs() - c0, value };
}

/**
 * Process CPU time (user + system) in ms, where the runtime offers it: on a
 * loaded machine CPU time is the steadier figure (wall time includes waiting
 * for a core). NaN elsewhere.
 */
export function cpuNowMs(): number {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (!p?.cpuUsage) return NaN;
  const u = p.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  goal?: number;
  /** 'max': value must be <= goal; 'min': value must be >= goal. */
  direction?: 'max' | 'min';
  note?: string;
}

export function formatLine(l: BenchLine): string {
  const v = l.unit === 'ms' ? l.value.toFixed(3) : l.value.toFixed(l.value >= 100 ? 0 : 2);
  if (l.goal === undefined) return `${l.name.padEnd(58)} ${v.padStart(12)} ${l.unit}${l.note ? `  (${l.note})` : ''}`;
  const ok = l.direction === 'min' ? l.value >= l.goal : l.value <= l.goal;
  const ratio = l.direction === 'min' ? l.value / l.goal : l.goal / l.value;
  const status = ok ? 'ok  ' : 'MISS';
  return `${l.name.padEnd(58)} ${v.padStart(12)} ${l.unit.padEnd(6)} goal ${l.direction === 'min' ? '>=' : '<='} ${l.goal} ${l.unit}  ${status} x${ratio.toFixed(2)}${l.note ? `  (${l.note})` : ''}`;
}
