/**
 * go-yaml v2 resolve.go: would this string, written plain, read back as
 * something other than a string (bool, null, int, float, timestamp)? If so,
 * encode.go stringv double-quotes it (`"123"`, `"yes"`, `"2024-01-01"`, `"n"`).
 */

const RESOLVE_MAP = new Set([
  '', '~', 'null', 'Null', 'NULL',
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE',
  'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

function hintOf(c: string): string {
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

export function isBase60Float(s: string): boolean {
  return BASE60_FLOAT.test(s);
}

export function resolvesToNonString(s: string): boolean {
  const hint = s === '' ? 'N' : hintOf(s[0]);
  if (!hint) return false;
  if (RESOLVE_MAP.has(s)) return true;
  if (hint === '.') return isGoFloat(s);
  if (hint === 'D' || hint === 'S') {
    if (isTimestamp(s)) return true;
    const plain = s.replace(/_/g, '');
    if (isGoInt(plain)) return true;
    if (YAML_STYLE_FLOAT.test(plain)) return true;
    if (/^-?0b[01]+$/.test(plain)) return true;
  }
  return false;
}

/** strconv.ParseInt/ParseUint(s, 0, 64) acceptance (range ignored beyond 64-bit digits). */
function isGoInt(s: string): boolean {
  return /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|0[bB][01]+|[1-9][0-9]*)$/.test(s);
}

/** strconv.ParseFloat accepts decimal/exponent forms, "inf", "infinity", "nan", hex floats. */
function isGoFloat(s: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) || /^[+-]?(inf|infinity|nan)$/i.test(s);
}

/** resolve.go parseTimestamp: YYYY-M-D, optionally with a time part (t/T/space separated). */
function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  return (
    /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2}[tT]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/.test(s)
  );
}
