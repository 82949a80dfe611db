import { LineCounter, parseDocument, isNode, type Node } from 'yaml';
import { z } from 'zod';
import { lab as labSchema, type Lab, type Check } from './schema';

export interface LabProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type LoadLabResult = { ok: true; lab: Lab } | { ok: false; problems: LabProblem[] };

/**
 * Parses and validates a lab.yaml. Problems carry the file, line and a
 * sentence an instructor can act on ("tasks[1].checks[0]: unknown field
 * 'expected' (did you mean 'expect'?)").
 */
export function loadLab(text: string, file = 'lab.yaml'): LoadLabResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, message: `YAML: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const parsed = labSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (parsed.success) {
    const dup = duplicateIds(parsed.data);
    if (!dup.length) return { ok: true, lab: parsed.data };
    return { ok: false, problems: dup.map((m) => ({ file, line: 1, column: 1, message: m })) };
  }
  return { ok: false, problems: parsed.error.issues.map((issue) => toProblem(issue, doc.contents, lines, file)) };
}

function toProblem(issue: z.core.$ZodIssue, root: unknown, lines: LineCounter, file: string): LabProblem {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  const node = nodeAt(root, path);
  const offset = node?.range?.[0] ?? 0;
  const pos = lines.linePos(offset);
  return { file, line: pos.line, column: pos.col, message: `${formatPath(path)}: ${describeIssue(issue, path)}` };
}

function describeIssue(issue: z.core.$ZodIssue, path: (string | number)[]): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `unknown field '${k}'${suggest(k)}`).join('; ');
  }
  if (issue.code === 'invalid_union' && path.includes('checks')) {
    return 'not a known check: use one of object, count, absent, event, file, command, request, fn (see docs/authoring.md)';
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required field is missing';
  return issue.message;
}

const KNOWN = ['expect', 'object', 'count', 'absent', 'event', 'file', 'command', 'request', 'fn', 'hints', 'checks', 'solution', 'setup', 'tasks', 'title', 'ask', 'points', 'message'];

function suggest(key: string): string {
  const close = KNOWN.find((k) => k !== key && (k.startsWith(key) || key.startsWith(k)));
  return close ? ` (did you mean '${close}'?)` : '';
}

function nodeAt(root: unknown, path: (string | number)[]): Node | undefined {
  let cur: unknown = root;
  let last: Node | undefined = isNode(root) ? root : undefined;
  for (const seg of path) {
    const coll = cur as { get?: (k: unknown, keepScalar?: boolean) => unknown };
    if (!coll || typeof coll.get !== 'function') break;
    const next = coll.get(seg, true);
    if (next === undefined) break;
    cur = next;
    if (isNode(next)) last = next;
  }
  return last;
}

function formatPath(path: (string | number)[]): string {
  if (!path.length) return '(lab)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function duplicateIds(l: Lab): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of l.tasks) {
    if (seen.has(t.id)) out.push(`tasks: duplicate task id '${t.id}' (task ids must be unique within a lab)`);
    seen.add(t.id);
  }
  return out;
}

export function checkKind(c: Check): string {
  for (const k of ['object', 'count', 'absent', 'event', 'file', 'command', 'request', 'fn'] as const) if (k in c) return k;
  throw new Error('unreachable: schema admits no other check');
}
