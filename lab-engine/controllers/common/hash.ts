import { canonicalJson } from '../../base/hash';
import { K8S_ALPHANUMS } from '../../base/rng';

/**
 * controller.ComputeHash (pkg/controller/controller_utils.go): FNV-32a of the
 * pod template, then of the collision count as 8 little-endian bytes, printed
 * as a decimal and passed through rand.SafeEncodeString.
 *
 * Upstream feeds the hasher hashutil.DeepHashObject's spew dump of the Go
 * struct (every field of PodTemplateSpec, zero values and Go type names
 * included). Reproducing that dump needs a field-by-field model of ~300 Go
 * struct fields in v1.32's order, so the bytes hashed here are the template's
 * canonical JSON instead: the name format (`web-5d8f9c7b6d`: 1–10 characters
 * of the same alphabet), stability and collision handling are upstream's, the
 * exact value is not (see docs/decisions.md).
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32aBytes(0x811c9dc5, new TextEncoder().encode(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32aBytes(h, b);
  }
  return safeEncodeString(String(h >>> 0));
}

/** rand.SafeEncodeString (apimachinery/pkg/util/rand). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += K8S_ALPHANUMS[ch.codePointAt(0)! % K8S_ALPHANUMS.length];
  return out;
}

function fnv32aBytes(seed: number, bytes: Uint8Array): number {
  let h = seed;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
