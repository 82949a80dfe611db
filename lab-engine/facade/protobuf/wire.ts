/**
 * Protocol-buffers wire format (varint, 64-bit, length-delimited, 32-bit),
 * enough to read what client-go sends as `application/vnd.kubernetes.protobuf`.
 */
export interface WireField {
  num: number;
  wire: 0 | 1 | 2 | 5;
  /** varint value (as a number; Kubernetes varints fit in 53 bits in practice) */
  varint?: number;
  bytes?: Uint8Array;
}

export function readFields(buf: Uint8Array): WireField[] {
  const out: WireField[] = [];
  let i = 0;
  const varint = (): number => {
    let result = 0;
    let mul = 1;
    const start = i;
    for (let n = 0; n < 10; n++) {
      if (i >= buf.length) throw new Error('protobuf: truncated varint');
      const b = buf[i++];
      result += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return result < 2 ** 53 ? result : exactSigned(buf, start, i);
      mul *= 128;
    }
    throw new Error('protobuf: varint too long');
  };
  while (i < buf.length) {
    const key = varint();
    const num = Math.floor(key / 8);
    const wire = (key & 7) as WireField['wire'];
    if (wire === 0) out.push({ num, wire, varint: varint() });
    else if (wire === 2) {
      const len = varint();
      if (i + len > buf.length) throw new Error('protobuf: truncated field');
      out.push({ num, wire, bytes: buf.subarray(i, i + len) });
      i += len;
    } else if (wire === 1 || wire === 5) {
      const len = wire === 1 ? 8 : 4;
      if (i + len > buf.length) throw new Error('protobuf: truncated field');
      out.push({ num, wire, bytes: buf.subarray(i, i + len) });
      i += len;
    } else throw new Error(`protobuf: unsupported wire type ${wire}`);
  }
  return out;
}

/**
 * A varint beyond 2^53 is, in Kubernetes' messages, a negative int32/int64 (two's complement
 * over 64 bits: -2 arrives as 2^64-2, which a float cannot hold); read it exactly as signed.
 */
function exactSigned(buf: Uint8Array, start: number, end: number): number {
  let v = BigInt(0);
  for (let k = end - 1; k >= start; k--) v = (v << BigInt(7)) | BigInt(buf[k] & 0x7f);
  return Number(BigInt.asIntN(64, v));
}

/** Signed int64/int32 fields are plain varints (two's complement); large ones were already read as signed. */
export function toSigned(v: number): number {
  return v >= 2 ** 63 ? v - 2 ** 64 : v;
}
