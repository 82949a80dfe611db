import { describe, expect, it } from 'vitest';
import { maxSurge, maxUnavailable, resolveFenceposts, roundHalfAway } from './util';
import { computeHash, safeEncodeString } from '../common/hash';

const d = (replicas: number, maxSurge?: unknown, maxUnavailable?: unknown, type = 'RollingUpdate') => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {},
  spec: { replicas, strategy: { type, rollingUpdate: { maxSurge, maxUnavailable } } },
});

describe('deployment util', () => {
  it('resolves fenceposts like ResolveFenceposts: surge rounds up, unavailable down, never both zero', () => {
    expect(resolveFenceposts(d(10, '25%', '25%'))).toEqual([3, 2]);
    expect(resolveFenceposts(d(3, '25%', '25%'))).toEqual([1, 0]);
    expect(resolveFenceposts(d(1, 0, '0%'))).toEqual([0, 1]);
    expect(resolveFenceposts(d(4, 2, 1))).toEqual([2, 1]);
    expect(maxUnavailable(d(2, 0, 5))).toBe(2);
    expect(maxUnavailable(d(0, '25%', '25%'))).toBe(0);
    expect(maxSurge(d(10, '25%', '25%', 'Recreate'))).toBe(0);
  });

  it('rounds halves away from zero like Go math.Round', () => {
    expect([2.5, -2.5, 1.4, -1.6].map(roundHalfAway)).toEqual([3, -3, 1, -2]);
  });

  it('renders hashes with SafeEncodeString over the decimal FNV sum', () => {
    expect(safeEncodeString('0123456789')).toBe('bcdfghjklm'.split('').map((_, i) => 'bcdfghjklmnpqrstvwxz2456789'[(48 + i) % 27]).join(''));
    const a = computeHash({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(a).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(computeHash({ spec: { containers: [{ image: 'nginx', name: 'c' }] }, metadata: { labels: { app: 'web' } } })).toBe(a);
    expect(computeHash({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, 1)).not.toBe(a);
  });
});
