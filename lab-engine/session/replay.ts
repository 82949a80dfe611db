import { createSession, type Session } from './session';
import type { Transcript } from './transcript';
import { TRANSCRIPT_VERSION } from './transcript';
import { DEFAULT_REPLAY_LIMITS, ReplayLimitError, type ReplayLimits } from './limits';

/**
 * Rebuilds a session from its transcript: a fresh session with the same
 * options, every act re-applied at its virtual time. The result's
 * stateHash() equals the live session's. Untrusted transcripts are checked
 * against `limits` first (ReplayLimitError: too many acts, too much virtual
 * time, too many bytes, acts out of time order).
 */
export async function replay(transcript: Transcript, limits: ReplayLimits = DEFAULT_REPLAY_LIMITS): Promise<Session> {
  checkTranscript(transcript, limits);
  const session = await createSession(transcript.options);
  const start = session.nowMs();
  for (const act of transcript.acts) {
    if (act.t - start > limits.maxVirtualMs) throw new ReplayLimitError(`transcript covers more than ${limits.maxVirtualMs} ms of virtual time`);
    await session.apply(act);
  }
  return session;
}

export function checkTranscript(t: Transcript, limits: ReplayLimits): void {
  if (!t || t.version !== TRANSCRIPT_VERSION || !Array.isArray(t.acts) || typeof t.options?.seed !== 'number') {
    throw new ReplayLimitError('not a KubeLab transcript (version 1)');
  }
  if (t.acts.length > limits.maxActs) throw new ReplayLimitError(`transcript has ${t.acts.length} acts (limit ${limits.maxActs})`);
  let bytes = 0;
  let last = -Infinity;
  for (const a of t.acts) {
    if (typeof a.t !== 'number' || !Number.isFinite(a.t)) throw new ReplayLimitError('act without a finite time');
    if (a.t < last) throw new ReplayLimitError('acts are not in time order');
    last = a.t;
    if (a.kind === 'line') bytes += a.line.length + (a.auto?.edits ?? []).reduce((n, e) => n + (e?.length ?? 0), 0);
    if (a.kind === 'edit') bytes += a.content?.length ?? 0;
    if (bytes > limits.maxBytes) throw new ReplayLimitError(`transcript holds more than ${limits.maxBytes} bytes`);
  }
}
