import { parseRfc3339 } from '../../base/clock';

/** ms since epoch of an RFC 3339 timestamp, or undefined when absent. */
export function timeMs(s: string | undefined | null): number | undefined {
  return s ? parseRfc3339(s) : undefined;
}
