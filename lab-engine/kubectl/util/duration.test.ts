import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration, rfc1123z } from './duration';

const s = (n: number) => n * 1000;

describe('humanDuration (duration.go table)', () => {
  const cases: [number, string][] = [
    [s(-2), '<invalid>'], [-500, '0s'], [0, '0s'], [s(59), '59s'], [s(119), '119s'], [s(120), '2m'], [s(125), '2m5s'],
    [s(599), '9m59s'], [s(600), '10m'], [s(179 * 60 + 59), '179m'], [s(3 * 3600), '3h'], [s(3 * 3600 + 300), '3h5m'],
    [s(8 * 3600 - 60), '7h59m'], [s(8 * 3600), '8h'], [s(47 * 3600), '47h'], [s(48 * 3600), '2d'], [s(51 * 3600), '2d3h'],
    [s(191 * 3600), '7d23h'], [s(192 * 3600), '8d'], [s(729 * 86400), '729d'], [s(730 * 86400), '2y'],
    [s(740 * 86400), '2y10d'], [s(8 * 365 * 86400), '8y'],
  ];
  for (const [ms, want] of cases) it(`${ms}ms → ${want}`, () => expect(humanDuration(ms)).toBe(want));
});

describe('shortHumanDuration', () => {
  it('uses coarse steps', () => {
    expect([s(59), s(60), s(3599), s(3600), s(86399), s(86400), s(365 * 86400)].map(shortHumanDuration)).toEqual(['59s', '1m', '59m', '1h', '23h', '1d', '1y']);
  });
});

describe('rfc1123z', () => {
  it('formats like Go time.RFC1123Z in UTC', () => expect(rfc1123z('2026-11-21T22:47:32Z')).toBe('Sat, 21 Nov 2026 22:47:32 +0000'));
});
