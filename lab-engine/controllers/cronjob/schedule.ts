import { CronExpressionParser } from 'cron-parser';

/** A parsed CronJob schedule on the virtual clock (robfig/cron semantics via cron-parser). */
export interface Schedule {
  /** First activation strictly after ms. */
  next(ms: number): number;
  /** Last activation at or before ms. */
  prev(ms: number): number;
}

export function parseSchedule(expr: string, timeZone: string | undefined): Schedule {
  const tz = timeZone || 'UTC';
  // Validate once; cron-parser throws on a bad expression or zone.
  CronExpressionParser.parse(expr, { currentDate: new Date(0), tz });
  return {
    next: (ms) => CronExpressionParser.parse(expr, { currentDate: new Date(ms), tz }).next().getTime(),
    prev: (ms) => CronExpressionParser.parse(expr, { currentDate: new Date(ms + 1), tz }).prev().getTime(),
  };
}

/**
 * mostRecentScheduleTime (cronjob/utils.go): the latest activation in
 * (earliest, now], and how many were missed (counted up to 101, enough for
 * the TooManyMissedTimes warning).
 */
export function mostRecentScheduleTime(schedule: Schedule, earliestMs: number, nowMs: number): { timeMs?: number; missed: number } {
  let t = schedule.next(earliestMs);
  if (t > nowMs) return { missed: 0 };
  let missed = 0;
  while (t <= nowMs && missed <= 100) {
    missed++;
    t = schedule.next(t);
  }
  return { timeMs: schedule.prev(nowMs), missed };
}

/** time.Format(time.RFC3339) of ms in an IANA zone (`2026-01-05T17:05:00+08:00`, `…Z` for UTC). */
export function rfc3339InZone(ms: number, timeZone: string | undefined): string {
  const tz = timeZone || 'UTC';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offsetMin = Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
  const base = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  if (offsetMin === 0) return `${base}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${base}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** time.RFC1123Z in UTC: `Mon, 05 Jan 2026 09:05:00 +0000`. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
