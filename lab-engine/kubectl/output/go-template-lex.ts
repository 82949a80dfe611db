/**
 * Lexer for the go-template subset (text/template/parse/lex.go shapes):
 * splits text and {{actions}}, applies {{- / -}} trimming, drops comments,
 * and turns an action into words (fields, $vars, literals, identifiers, `|`, `:=`, parens).
 */
export interface Word {
  text: string;
  kind: 'field' | 'var' | 'string' | 'number' | 'op' | 'paren' | 'ident';
  pos: number;
  inner?: unknown;
}
export type Token = { type: 'text'; text: string } | { type: 'action'; words: Word[]; line: number; pos: number };

type ErrCtor = new (msg: string) => Error;

export function lexTemplate(src: string, Err: ErrCtor): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let trimNext = false;
  while (i <= src.length) {
    const open = src.indexOf('{{', i);
    let text = src.slice(i, open < 0 ? src.length : open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    if (open < 0) {
      if (text) tokens.push({ type: 'text', text });
      break;
    }
    const trimLeft = /^\{\{- [\s\S]?/.test(src.slice(open, open + 4)) || src.slice(open, open + 4) === '{{-\t' || src.slice(open, open + 4) === '{{-\n';
    if (trimLeft) text = text.replace(/[ \t\r\n]+$/, '');
    if (text) tokens.push({ type: 'text', text });
    const line = src.slice(0, open).split('\n').length;
    const start = open + (trimLeft ? 3 : 2);
    const close = findClose(src, start);
    if (close < 0) throw new Err(`${line}: unclosed action`);
    let end = close;
    trimNext = /[ \t\r\n]-$/.test(src.slice(start, close));
    if (trimNext) end = close - 1;
    const body = src.slice(start, end);
    i = close + 2;
    if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(body)) continue;
    tokens.push({ type: 'action', words: lexWords(body, start, line, Err), line, pos: open });
  }
  return tokens;
}

/** Index of the `}}` closing an action, skipping quoted strings. */
function findClose(src: string, from: number): number {
  for (let j = from; j < src.length; j++) {
    const c = src[j];
    if (c === '"' || c === '`' || c === "'") {
      const q = c;
      for (j++; j < src.length && src[j] !== q; j++) if (src[j] === '\\' && q !== '`') j++;
      continue;
    }
    if (c === '\n' && src.slice(from, j).trim() === '') continue;
    if (src.startsWith('}}', j)) return j;
  }
  return -1;
}

function lexWords(body: string, offset: number, line: number, Err: ErrCtor): Word[] {
  const words: Word[] = [];
  let j = 0;
  while (j < body.length) {
    const c = body[j];
    const pos = offset + j;
    if (/\s/.test(c)) { j++; continue; }
    if (c === '|' || c === ',') { words.push({ text: c, kind: 'op', pos }); j++; continue; }
    if (body.startsWith(':=', j)) { words.push({ text: ':=', kind: 'op', pos }); j += 2; continue; }
    if (c === '=') { words.push({ text: '=', kind: 'op', pos }); j++; continue; }
    if (c === '"' || c === '`') {
      let k = j + 1;
      for (; k < body.length && body[k] !== c; k++) if (body[k] === '\\' && c === '"') k++;
      if (k >= body.length) throw new Err(`${line}: unterminated quoted string`);
      const raw = body.slice(j, k + 1);
      words.push({ text: raw, kind: 'string', pos, inner: c === '`' ? raw.slice(1, -1) : JSON.parse(raw.replace(/\\'/g, "'").replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) });
      j = k + 1;
      continue;
    }
    if (c === '(') {
      let depth = 0, k = j;
      for (; k < body.length; k++) {
        if (body[k] === '(') depth++;
        else if (body[k] === ')' && --depth === 0) break;
      }
      if (k >= body.length) throw new Err(`${line}: unclosed left paren`);
      const innerWords = lexWords(body.slice(j + 1, k), offset + j + 1, line, Err);
      const m = /^(\.[A-Za-z_][\w.]*)?/.exec(body.slice(k + 1))!;
      const path = m[1] ? m[1].slice(1).split('.') : [];
      words.push({ text: body.slice(j, k + 1 + m[0].length), kind: 'paren', pos, inner: { words: innerWords, path } });
      j = k + 1 + m[0].length;
      continue;
    }
    const m = /^[^\s|(),=]+/.exec(body.slice(j))!;
    const text = m[0];
    const kind: Word['kind'] = text.startsWith('.') ? 'field' : text.startsWith('$') ? 'var' : /^[-+]?[\d.]/.test(text) ? 'number' : 'ident';
    if (kind === 'number' && !/^[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+)$/.test(text)) throw new Err(`${line}: bad number syntax: "${text}"`);
    words.push({ text, kind, pos });
    j += text.length;
  }
  return words;
}
