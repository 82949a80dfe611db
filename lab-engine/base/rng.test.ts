import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng.uuid', () => {
  it('gives the same UUIDs, from the same number of draws, as the original digit-array version', () => {
    // Values recorded from the implementation before the string-building rewrite: uids (and so
    // every state hash) of existing transcripts must not change.
    const r = new Rng(1);
    expect(r.uuid()).toBe('239672a2-191c-4544-bae7-c5a4c4f65093');
    expect(r.uuid()).toBe('8cb582f4-25c0-4bcb-b069-8356391a8126');
    expect(r.int(1000)).toBe(409);
    expect(new Rng(42, 'store/uid').uuid()).toBe('0c36ec24-8bf5-4aa8-b36e-5b9a96991584');
  });

  it('is a version-4, RFC 4122-variant UUID', () => {
    const r = new Rng(7);
    for (let i = 0; i < 200; i++) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
