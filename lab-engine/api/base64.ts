/** Standard base64 (RFC 4648 with padding) over UTF-8, without platform globals. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(text: string): string {
  return encodeBytes(new TextEncoder().encode(text));
}

export function encodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/**
 * Go's base64.StdEncoding.DecodeString error position: the byte offset of
 * the first illegal input (`illegal base64 data at input byte N`), or
 * undefined when the string is valid.
 */
export function base64ErrorOffset(s: string): number | undefined {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '=') break;
    if (c === '\r' || c === '\n') continue;
    if (!ALPHABET.includes(c)) return i;
  }
  const data = s.replace(/[\r\n]/g, '');
  if (data.length % 4 !== 0) {
    // Go reports the offset where the incomplete quantum starts being wrong.
    const pad = data.indexOf('=');
    if (pad >= 0) return pad;
    return data.length - (data.length % 4);
  }
  const pad = data.indexOf('=');
  if (pad >= 0 && pad < data.length - 2) return pad;
  if (pad >= 0 && data.slice(pad) !== '=' && data.slice(pad) !== '==') return pad;
  return undefined;
}

export function decodeBase64(s: string): string {
  const clean = s.replace(/[\r\n=]/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((j) => (i + j < clean.length ? ALPHABET.indexOf(clean[i + j]) : 0));
    const v = (n[0] << 18) | (n[1] << 12) | (n[2] << 6) | n[3];
    bytes.push((v >> 16) & 255);
    if (i + 2 < clean.length) bytes.push((v >> 8) & 255);
    if (i + 3 < clean.length) bytes.push(v & 255);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
