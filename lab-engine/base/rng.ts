import { fnv1a32 } from './hash';

/**
 * Seeded pseudo-random numbers (sfc32). Each subsystem derives its own stream
 * from the lab seed by name, so adding randomness in one place does not shift
 * the numbers another subsystem sees.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number, readonly stream = 'root') {
    const h = fnv1a32(`${seed >>> 0}/${stream}`);
    this.a = h;
    this.b = fnv1a32(`b/${h}`);
    this.c = fnv1a32(`c/${h}`);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  derive(stream: string): Rng {
    return new Rng(this.seed, `${this.stream}/${stream}`);
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick on empty list');
    return items[this.int(items.length)];
  }

  /** Random string from Kubernetes' alphabet (apimachinery/pkg/util/rand: no vowels, no confusable digits). */
  k8sString(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += K8S_ALPHANUMS[this.int(K8S_ALPHANUMS.length)];
    return s;
  }

  /** A version-4 UUID built from this stream. */
  uuid(): string {
    // 32 draws for the 32 digits (the 13th is the version, '4'; the 17th is redrawn as the variant).
    let head = '';
    for (let i = 0; i < 16; i++) {
      const d = this.int(16);
      head += i === 12 ? '4' : HEX_DIGITS[d];
    }
    this.int(16);
    let tail = '';
    for (let i = 17; i < 32; i++) tail += HEX_DIGITS[this.int(16)];
    const variant = HEX_DIGITS[this.int(4) + 8];
    return `${head.slice(0, 8)}-${head.slice(8, 12)}-${head.slice(12, 16)}-${variant}${tail.slice(0, 3)}-${tail.slice(3)}`;
  }
}

const HEX_DIGITS = '0123456789abcdef';

export const K8S_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
