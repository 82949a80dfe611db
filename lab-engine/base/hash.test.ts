import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonSlow, contentHash64Hex, hash64Hex } from './hash';
import { Rng } from './rng';

const KEYS = ['a', 'b', 'Z', 'metadata', 'app.kubernetes.io/name', '10', '9', '0', '01', 'k"q', 'ü', 'x y', '4294967296', ''];
const STRINGS = ['', 'nginx', 'line\nbreak', 'quote"back\\slash', '汉字', '\u0000\u001f', '\ud83d\ude00'];

function randomValue(rng: Rng, depth: number): unknown {
  const r = rng.int(depth > 3 ? 5 : 8);
  if (r === 0) return null;
  if (r === 1) return rng.int(2) === 0;
  if (r === 2) return rng.pick([0, -0, 1, -7, 3.25, 1e21, 2 ** 53, NaN]);
  if (r === 3) return rng.pick(STRINGS);
  if (r === 4) return undefined;
  if (r === 5) return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = rng.int(6); i > 0; i--) obj[rng.pick(KEYS)] = randomValue(rng, depth + 1);
  return obj;
}

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"x":2,"z":1}]},"b":1}');
  });

  it('orders integer-like keys as strings, as the reference does', () => {
    expect(canonicalJson({ 9: 'a', 10: 'b', x: 1 })).toBe('{"10":"b","9":"a","x":1}');
  });

  it('keeps a __proto__ member that JSON.parse made an own property', () => {
    const v = JSON.parse('{"b":1,"__proto__":{"x":2},"a":[{"__proto__":3}]}') as unknown;
    expect(canonicalJson(v)).toBe('{"__proto__":{"x":2},"a":[{"__proto__":3}],"b":1}');
    expect(canonicalJson(v)).toBe(canonicalJsonSlow(v));
  });

  it('equals the reference definition on 2,000 seeded random values', () => {
    const rng = new Rng(7, 'canonical-json');
    for (let i = 0; i < 2000; i++) {
      const v = randomValue(rng, 0);
      expect(canonicalJson(v)).toBe(canonicalJsonSlow(v));
    }
  });
});

describe('contentHash64Hex', () => {
  it('is hash64Hex, memoised', () => {
    const text = 'x'.repeat(10_000) + 'certificate';
    expect(contentHash64Hex(text)).toBe(hash64Hex(text));
    expect(contentHash64Hex(text)).toBe(hash64Hex(text));
    expect(contentHash64Hex('')).toBe(hash64Hex(''));
  });
});
