/**
 * GNU `diff -u` hunks between two texts (3 lines of context), the format
 * `kubectl diff` shows by running `diff -u -N`. Line-level LCS; inputs are
 * bounded (objects are small) so the O(n·m) table stays cheap.
 */
const MAX_LINES = 5000;

type Op = { kind: ' ' | '-' | '+'; line: string };

export function unifiedHunks(a: string, b: string, context = 3): string {
  const x = splitLines(a);
  const y = splitLines(b);
  if (x.length > MAX_LINES || y.length > MAX_LINES) throw new Error('diff: input too large');
  const ops = editScript(x, y);
  if (ops.every((o) => o.kind === ' ')) return '';
  return hunks(ops, context);
}

function splitLines(s: string): string[] {
  if (s === '') return [];
  const lines = s.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function editScript(x: string[], y: string[]): Op[] {
  const n = x.length;
  const m = y.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      ops.push({ kind: ' ', line: x[i] });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] > lcs[i + 1][j])) {
      ops.push({ kind: '+', line: y[j++] });
    } else {
      ops.push({ kind: '-', line: x[i++] });
    }
  }
  // GNU diff lists deletions before insertions within a change.
  return ops;
}

function hunks(ops: Op[], context: number): string {
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  const groups: [number, number][] = [];
  for (const k of changed) {
    const last = groups[groups.length - 1];
    if (last && k - last[1] - 1 <= 2 * context) last[1] = k;
    else groups.push([k, k]);
  }
  let out = '';
  for (const [first, last] of groups) {
    const start = Math.max(0, first - context);
    const end = Math.min(ops.length - 1, last + context);
    let aStart = 1;
    let bStart = 1;
    for (let k = 0; k < start; k++) {
      if (ops[k].kind !== '+') aStart++;
      if (ops[k].kind !== '-') bStart++;
    }
    const slice = ops.slice(start, end + 1);
    const aCount = slice.filter((o) => o.kind !== '+').length;
    const bCount = slice.filter((o) => o.kind !== '-').length;
    out += `@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@\n`;
    out += slice.map((o) => `${o.kind}${o.line}\n`).join('');
  }
  return out;
}

function range(start: number, count: number): string {
  if (count === 1) return String(start);
  return `${count === 0 ? start - 1 : start},${count}`;
}
