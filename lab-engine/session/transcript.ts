/**
 * A session is a pure function of its options and its transcript: every act
 * of the learner with the virtual time it happened at. Replaying the acts on
 * a fresh session rebuilds the exact state (`stateHash()` equal).
 */
export interface SessionOptions {
  seed: number;
  /** Virtual wall clock at creation (ms since epoch); default the engine's DEFAULT_START_MS. */
  startMs?: number;
  /** Named topology (`default`, `single-node`, …). */
  topology?: string;
  /** Lines run (in auto mode, unrecorded) before the learner arrives. */
  setup?: string[];
}

/** Options of a line run by `run()` (auto mode): the session drives time itself. */
export interface AutoRun {
  /** Ctrl-C is pressed once the line has run this long (virtual ms) — for `-w`, `-f`, `watch`. */
  interruptAfterMs: number;
  /** Editor results, in order, for editors the line opens (null = quit without saving). */
  edits: (string | null)[];
}

export type Act =
  | { t: number; kind: 'line'; line: string; auto?: AutoRun }
  | { t: number; kind: 'advance' }
  | { t: number; kind: 'interrupt' }
  | { t: number; kind: 'edit'; path: string; content: string | null };

export interface Transcript {
  version: 1;
  options: SessionOptions;
  acts: Act[];
}

export const TRANSCRIPT_VERSION = 1;
