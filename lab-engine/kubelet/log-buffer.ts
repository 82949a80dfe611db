import { formatRfc3339 } from '../base/clock';

export interface LogLine {
  atMs: number;
  /** Nanoseconds within the millisecond, to print RFC 3339 nano timestamps like the CRI does. */
  nanos: number;
  stream: 'stdout' | 'stderr';
  text: string; // without the newline
  /** A CRI partial ("P") entry: a piece of a longer line, printed without a newline. */
  partial?: boolean;
}

const MAX_LINES = 10_000;
/** containerd's max_container_log_line_size: longer lines are stored as partial entries. */
const MAX_LINE_BYTES = 16_384;

/**
 * One container instance's log (the CRI log file): lines with their write
 * time. Partial writes are held until a newline arrives, as the CRI logger
 * does (it writes "P" partial entries; kubectl shows them joined).
 */
export class LogBuffer {
  readonly lines: LogLine[] = [];
  private partial: { stdout: string; stderr: string } = { stdout: '', stderr: '' };
  private seq = 0;
  private listeners = new Set<(line: LogLine) => void>();
  private rawListeners = new Set<(text: string, stream: 'stdout' | 'stderr') => void>();
  dropped = 0;

  constructor(private readonly salt: number) {}

  write(stream: 'stdout' | 'stderr', text: string, atMs: number): void {
    for (const l of this.rawListeners) l(text, stream);
    if (!text.includes('\n')) {
      // A program printing without newlines (`wget -q -O-` of "OK!" in a loop):
      // append, and cut the CRI's 16 KiB partial ("P") entries as containerd does.
      this.partial[stream] += text;
      while (this.partial[stream].length > MAX_LINE_BYTES) {
        this.push(stream, this.partial[stream].slice(0, MAX_LINE_BYTES), atMs, true);
        this.partial[stream] = this.partial[stream].slice(MAX_LINE_BYTES);
      }
      return;
    }
    const all = this.partial[stream] + text;
    const parts = all.split('\n');
    this.partial[stream] = parts.pop()!;
    for (const p of parts) this.push(stream, p, atMs);
  }

  /** Flushes partial lines (process exit). */
  close(atMs: number): void {
    for (const s of ['stdout', 'stderr'] as const) {
      if (this.partial[s]) this.push(s, this.partial[s], atMs);
      this.partial[s] = '';
    }
  }

  private push(stream: 'stdout' | 'stderr', text: string, atMs: number, partial = false): void {
    const line: LogLine = { atMs, nanos: ((this.seq++ * 7919 + this.salt * 104_729) % 999_983) + 17, stream, text };
    if (partial) line.partial = true;
    this.lines.push(line);
    if (this.lines.length > MAX_LINES) {
      this.lines.shift();
      this.dropped++;
    }
    for (const l of this.listeners) l(line);
  }

  /** Every write as it happens (what an attached client receives), newline or not. */
  subscribeRaw(fn: (text: string, stream: 'stdout' | 'stderr') => void): () => void {
    this.rawListeners.add(fn);
    return () => this.rawListeners.delete(fn);
  }

  subscribe(fn: (line: LogLine) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  text(): string {
    return this.lines.map((l) => (l.partial ? l.text : `${l.text}\n`)).join('');
  }
}

/** `2026-01-05T09:00:00.123004567Z` (time.RFC3339Nano as the kubelet prints --timestamps; trailing zeros trimmed like Go). */
export function logTimestamp(line: LogLine): string {
  const base = formatRfc3339(line.atMs).replace('Z', '');
  const frac = (String(line.atMs % 1000).padStart(3, '0') + String(line.nanos).padStart(6, '0')).replace(/0+$/, '');
  return `${base}${frac ? `.${frac}` : ''}Z`;
}

export interface LogQuery {
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  timestamps?: boolean;
  limitBytes?: number;
}

/** Applies the kubelet's log options (kuberuntime logs.go ReadLogs) in its order: since, tail, limit. */
export function renderLogs(buf: LogBuffer, q: LogQuery, nowMs: number): string {
  let lines = buf.lines;
  if (q.sinceSeconds !== undefined) lines = lines.filter((l) => l.atMs >= nowMs - q.sinceSeconds! * 1000);
  if (q.sinceTime) {
    const t = Date.parse(q.sinceTime);
    if (!Number.isNaN(t)) lines = lines.filter((l) => l.atMs >= t);
  }
  if (q.tailLines !== undefined && q.tailLines >= 0) lines = lines.slice(Math.max(0, lines.length - q.tailLines));
  // kuberuntime logs.go: a partial entry is written without its newline.
  let out = lines.map((l) => (q.timestamps ? `${logTimestamp(l)} ` : '') + l.text + (l.partial ? '' : '\n')).join('');
  if (q.limitBytes !== undefined && q.limitBytes > 0) out = truncateBytes(out, q.limitBytes);
  return out;
}

function truncateBytes(s: string, n: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= n) return s;
  return new TextDecoder().decode(bytes.slice(0, n));
}
