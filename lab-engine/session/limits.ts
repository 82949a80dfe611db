/** Largest file the editor may save into the session (a 10 MB paste is refused with a clear error). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Bounds for replaying an untrusted transcript (server-side grading). */
export interface ReplayLimits {
  maxActs: number;
  /** Virtual time the transcript may cover, from the session's start. */
  maxVirtualMs: number;
  /** Total bytes of lines and saved files. */
  maxBytes: number;
}

export const DEFAULT_REPLAY_LIMITS: ReplayLimits = {
  maxActs: 20_000,
  maxVirtualMs: 8 * 3_600_000,
  maxBytes: 16 * 1024 * 1024,
};

export class ReplayLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayLimitError';
  }
}
