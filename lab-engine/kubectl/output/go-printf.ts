/**
 * fmt.Sprintf for the verbs templates use: %s %v %d %q %f %e %g %x %X %o %t %c %%,
 * with flags (-, 0, +, space), width and precision.
 */
export function sprintf(format: string, args: unknown[], printValue: (v: unknown) => string): string {
  let argi = 0;
  return format.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags: string, width?: string, prec?: string, verb?: string) => {
    if (verb === '%') return '%';
    if (argi >= args.length) return `%!${verb}(MISSING)`;
    const a = args[argi++];
    let s = formatVerb(verb!, a, prec === undefined ? undefined : Number(prec), flags, printValue);
    const w = width ? Number(width) : 0;
    if (s.length < w) {
      if (flags.includes('-')) s = s.padEnd(w);
      else if (flags.includes('0') && /[dfegxXo]/.test(verb!)) {
        const neg = s.startsWith('-');
        s = (neg ? '-' : '') + s.slice(neg ? 1 : 0).padStart(w - (neg ? 1 : 0), '0');
      } else s = s.padStart(w);
    }
    return s;
  });
}

function formatVerb(verb: string, a: unknown, prec: number | undefined, flags: string, pv: (v: unknown) => string): string {
  const isNum = typeof a === 'number';
  switch (verb) {
    case 'v': case 's': {
      const s = pv(a);
      if (verb === 's' && typeof a !== 'string' && !isNum && typeof a !== 'object') return `%!s(${goTypeOf(a)}=${s})`;
      if (verb === 's' && isNum) return `%!s(${goTypeOf(a)}=${s})`;
      return prec !== undefined ? s.slice(0, prec) : s;
    }
    case 'q': return typeof a === 'string' ? JSON.stringify(a) : `%!q(${goTypeOf(a)}=${pv(a)})`;
    case 'd':
      if (isNum && Number.isInteger(a)) return (flags.includes('+') && (a as number) >= 0 ? '+' : '') + String(a);
      return `%!d(${goTypeOf(a)}=${pv(a)})`;
    case 'f': case 'F': return isNum ? (a as number).toFixed(prec ?? 6) : `%!f(${goTypeOf(a)}=${pv(a)})`;
    case 'e': return isNum ? (a as number).toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2') : `%!e(${goTypeOf(a)}=${pv(a)})`;
    case 'g': return isNum ? pv(a) : `%!g(${goTypeOf(a)}=${pv(a)})`;
    case 'x': case 'X': {
      const s = isNum ? Math.trunc(a as number).toString(16) : [...new TextEncoder().encode(String(a))].map((b) => b.toString(16).padStart(2, '0')).join('');
      return verb === 'X' ? s.toUpperCase() : s;
    }
    case 'o': return isNum ? Math.trunc(a as number).toString(8) : `%!o(${goTypeOf(a)}=${pv(a)})`;
    case 't': return typeof a === 'boolean' ? String(a) : `%!t(${goTypeOf(a)}=${pv(a)})`;
    case 'c': return isNum ? String.fromCodePoint(a as number) : `%!c(${goTypeOf(a)}=${pv(a)})`;
  }
  return `%!${verb}(${goTypeOf(a)}=${pv(a)})`;
}

function goTypeOf(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (v === null || v === undefined) return '<nil>';
  return 'map[string]interface {}';
}
