/** FNV-1a 32-bit over UTF-16 code units folded to bytes. Stable across platforms. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h ^= c & 0xff;
    h = Math.imul(h, 0x01000193);
    if (c > 0xff) {
      h ^= c >>> 8;
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/** 64-bit FNV-1a as 16 hex digits (two 32-bit lanes), for state hashes. */
export function hash64Hex(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** JSON with object keys sorted, so equal values always serialise equally. */
export function canonicalJson(value: unknown): string {
  // Fast path: a copy with keys inserted in sorted order, serialised by the native JSON.stringify
  // (about 1.5-2x as fast as concatenating strings). Objects enumerate integer-like keys first
  // whatever the insertion order, so a value holding such a key (or `__proto__`) takes the slow path.
  try {
    return JSON.stringify(sortedCopy(value)) ?? 'null';
  } catch (e) {
    if (e !== INDEX_KEY_FOUND) throw e;
    return canonicalJsonSlow(value);
  }
}

const INDEX_KEY = /^(?:0|[1-9]\d*)$/;
const INDEX_KEY_FOUND = new Error('canonicalJson: a key the sorted copy cannot hold');

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    // `__proto__` (an own member when JSON.parse made it) would set the copy's prototype instead.
    if (INDEX_KEY.test(k) || k === '__proto__') throw INDEX_KEY_FOUND;
    out[k] = sortedCopy(obj[k]);
  }
  return out;
}

/** The reference definition (and the path for integer-like keys). */
export function canonicalJsonSlow(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJsonSlow).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJsonSlow(obj[k])}`).join(',')}}`;
}

const contentHashes = new Map<string, string>();
let contentHashChars = 0;
/** Above this many cached characters the cache starts again (it only saves time, never changes a result). */
const MAX_CONTENT_HASH_CHARS = 8_000_000;

/**
 * hash64Hex memoised by the string's value, for long texts hashed again and
 * again (a node's files in every session state hash). V8 caches a string's
 * own hash in the string, so a repeat lookup of the same string is O(1).
 */
export function contentHash64Hex(s: string): string {
  let h = contentHashes.get(s);
  if (h === undefined) {
    h = hash64Hex(s);
    if (contentHashChars + s.length > MAX_CONTENT_HASH_CHARS) {
      contentHashes.clear();
      contentHashChars = 0;
    }
    contentHashes.set(s, h);
    contentHashChars += s.length;
  }
  return h;
}
