import { Bash } from 'just-bash';
import type { ScriptNode } from 'just-bash';

/**
 * just-bash's parser. Its browser entry (what bundlers use for the Web
 * Worker) does not export `parse`, `EMPTY_BYTES` or `decodeBytesToUtf8`, so the
 * engine reaches the parser through a plain Bash instance's `transform()`
 * (same parser, no plugins) and decodes bytes itself. Throws the parser's
 * errors (`ParseException`, "unexpected EOF…") like `parse` does.
 */
let parser: Bash | undefined;

export function parseBash(text: string): ScriptNode {
  parser ??= new Bash({ defenseInDepth: false });
  return parser.transform(text).ast;
}

/** A command's stdin (a latin1 "byte string") as UTF-8 text. */
export function bytesToText(bytes: unknown): string {
  const s = String(bytes ?? '');
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) if (s.charCodeAt(i) > 127) ascii = false;
  if (ascii) return s;
  const buf = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) buf[i] = s.charCodeAt(i) & 0xff;
  return new TextDecoder().decode(buf);
}

/** An empty stdin for commands run outside just-bash (the fast path). */
export const NO_STDIN = '' as unknown;
