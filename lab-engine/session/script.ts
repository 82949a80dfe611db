import { parseBash } from '../shell/just-bash-parse';
import type { EditInput, Session } from './session';
import type { LineResult } from '../shell/run-context';

/**
 * Shell scripts run the way a person types them: one complete command at a
 * time (a heredoc, a multi-line `for`/`if`/function, a `\`-continued line or a
 * trailing `|`/`&&` stays with its command), with virtual time passing
 * between commands. Editor input comes from blocks after the command:
 *
 *   vi pod.yaml            kubectl edit deploy web
 *   #@edit                 #@edit
 *   apiVersion: v1         …the whole saved text…
 *   …                      #@end
 *   #@end
 *
 * One `#@edit` … `#@end` block per editor the command opens, in order;
 * `#@edit-cancel` quits an editor without saving; `#@sed s/old/new/[g]`,
 * `#@sed /re/d` or `#@sed /re/,+Nd` (one or more lines) saves what the
 * editor showed with those substitutions/deletions
 * — handy for `kubectl edit`, whose text a script cannot know in advance. `#@ctrl-c-after 5000` before
 * a command presses Ctrl-C once it has run 5 s of virtual time (default 60 s
 * for endless commands such as `kubectl get -w`, `watch`, `logs -f`).
 * Other comments and blank lines are skipped.
 */
export interface ScriptStep {
  /** The command as sent to the shell (may span lines). */
  line: string;
  /** 1-based line number of its first line in the script. */
  lineNo: number;
  edits: EditInput[];
  interruptAfterMs?: number;
}

export class ScriptError extends Error {
  constructor(
    message: string,
    readonly lineNo: number,
  ) {
    super(`line ${lineNo}: ${message}`);
    this.name = 'ScriptError';
  }
}

/** True when `text` is a complete command (bash would run it rather than print the `> ` prompt). */
export function isComplete(text: string): boolean {
  return completeness(text) === 'complete';
}

/** Whether `text` is complete, and when not, whether an open here-document (alone) is why. */
function completeness(text: string): 'complete' | 'heredoc' | 'incomplete' {
  const trimmed = text.replace(/\s+$/, '');
  if (/(\\|\||&&)$/.test(trimmed) && !/\\\\$/.test(trimmed)) return 'incomplete';
  try {
    const ast = parseBash(text);
    return JSON.stringify(ast).includes('"terminated":false') ? 'incomplete' : 'complete';
  } catch (e) {
    // "unexpected EOF…", "Expected DONE, got EOF", (through transform()) "unterminated here-document", and
    // "Expected DONE, got HEREDOC_CONTENT" for a heredoc opened inside a loop whose body is still to come.
    const message = (e as Error).message;
    if (!/EOF|unterminated|HEREDOC_CONTENT/.test(message)) return 'complete';
    return /unterminated here-document/.test(message) ? 'heredoc' : 'incomplete';
  }
}

/**
 * Every word that follows a `<<` in `text` (quotes and a leading backslash
 * removed), or undefined when some `<<` is not followed by a plain word. While
 * a here-document is open only a line equal to its delimiter can end it, so a
 * line equal to none of these cannot complete the command.
 */
function heredocDelimiters(text: string): Set<string> | undefined {
  const operators = text.match(/<<(?!<)/g)?.length ?? 0;
  const words = [...text.matchAll(/<<(?!<)-?[ \t]*\\?(['"]?)([^\s'"<>|&;()]+)\1/g)].map((m) => m[2]);
  return words.length === operators && operators > 0 ? new Set(words) : undefined;
}

function readEditBlock(lines: string[], start: number): { content: string; next: number } {
  const body: string[] = [];
  for (let i = start; i < lines.length; i++) {
    if (lines[i].trim() === '#@end') return { content: body.length ? `${body.join('\n')}\n` : '', next: i + 1 };
    body.push(lines[i]);
  }
  throw new ScriptError('#@edit block without #@end', start); // start is the 1-based number of the #@edit line
}

/** `s/re/replacement/flags` (any delimiter; flags g, i; replacement as GNU sed's) as sed applies it per line. */
export function sedSubstitution(expr: string, lineNo: number): (text: string) => string {
  const delim = expr[1];
  if (expr[0] !== 's' || !delim) throw new ScriptError(`#@sed needs s/old/new/: ${expr}`, lineNo);
  const parts: string[] = [];
  let cur = '';
  for (let i = 2; i < expr.length; i++) {
    if (expr[i] === '\\' && i + 1 < expr.length) {
      // `\<delim>` is the delimiter itself; any other escape (`\\`, `\n`, `\1`) is kept for the regex/replacement.
      cur += expr[i + 1] === delim ? delim : expr.slice(i, i + 2);
      i++;
    } else if (expr[i] === delim) {
      parts.push(cur);
      cur = '';
    } else cur += expr[i];
  }
  parts.push(cur);
  if (parts.length !== 3) throw new ScriptError(`#@sed needs s/old/new/: ${expr}`, lineNo);
  const [pattern, replacement, flags] = parts;
  const re = new RegExp(pattern, flags.includes('i') ? 'i' : '');
  const global = new RegExp(pattern, flags.includes('i') ? 'gi' : 'g');
  const rep = sedReplacement(replacement, new RegExp(`${pattern}|`).exec('')!.length - 1);
  return (text) => text.split('\n').map((l) => l.replace(flags.includes('g') ? global : re, rep)).join('\n');
}

/**
 * One `#@sed` command: `s/re/new/flags`, or a line deletion as vi users make
 * it (`dd` on a block): `/re/d` deletes matching lines, `/re/,+Nd` a matching
 * line and the N after it (GNU sed's `addr1,+N` form).
 */
export function sedCommand(expr: string, lineNo: number): (text: string) => string {
  const del = /^\/((?:[^/\\]|\\.)*)\/(?:,\+(\d+))?d$/.exec(expr);
  if (!del) return sedSubstitution(expr, lineNo);
  const re = new RegExp(del[1].replace(/\\\//g, '/'));
  const extra = Number(del[2] ?? 0);
  return (text) => {
    const out: string[] = [];
    let skip = 0;
    for (const line of text.split('\n')) {
      if (skip > 0) skip--;
      else if (re.test(line)) skip = extra;
      else out.push(line);
    }
    return out.join('\n');
  };
}

/**
 * GNU sed's replacement text (`do_subst` in sed/execute.c): `&` is the match,
 * `\1`…`\9` groups, `\n` a newline, `\t` a tab, `\&` and `\\` literal.
 * Solutions insert YAML lines this way (`s/^spec:/spec:\n  replicas: 2/`).
 */
function sedReplacement(replacement: string, groupCount: number): (match: string, ...rest: unknown[]) => string {
  return (match, ...rest) => {
    const groups = rest.slice(0, groupCount);
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
      const c = replacement[i];
      const next = replacement[i + 1];
      if (c === '&') out += match;
      else if (c !== '\\' || next === undefined) out += c;
      else {
        i++;
        if (next === 'n') out += '\n';
        else if (next === 't') out += '\t';
        else if (/\d/.test(next)) out += next === '0' ? match : String(groups[Number(next) - 1] ?? '');
        else out += next;
      }
    }
    return out;
  };
}

export function parseScript(text: string): ScriptStep[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const steps: ScriptStep[] = [];
  let pendingInterrupt: number | undefined;
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i];
    const t = raw.trim();
    if (t.startsWith('#@ctrl-c-after')) {
      pendingInterrupt = Number(t.split(/\s+/)[1]);
      if (!Number.isFinite(pendingInterrupt)) throw new ScriptError('#@ctrl-c-after needs milliseconds', i + 1);
      i++;
    } else if (t.startsWith('#@sed ')) {
      const last = steps[steps.length - 1];
      if (!last) throw new ScriptError('#@sed before any command', i + 1);
      const subs: ((text: string) => string)[] = [];
      for (; i < lines.length && lines[i].trim().startsWith('#@sed '); i++) subs.push(sedCommand(lines[i].trim().slice(6).trim(), i + 1));
      last.edits.push((shown: string) => subs.reduce((text, f) => f(text), shown));
    } else if (t === '#@edit' || t === '#@edit-cancel') {
      const last = steps[steps.length - 1];
      if (!last) throw new ScriptError(`${t} before any command`, i + 1);
      if (t === '#@edit-cancel') {
        last.edits.push(null);
        i++;
      } else {
        const block = readEditBlock(lines, i + 1);
        last.edits.push(block.content);
        i = block.next;
      }
    } else if (t === '' || t.startsWith('#')) {
      i++;
    } else {
      const lineNo = i + 1;
      let cmd = raw;
      i++;
      let state = completeness(cmd);
      for (let guard = 0; state !== 'complete' && i < lines.length && guard < 100_000; guard++) {
        const line = lines[i++];
        cmd += `\n${line}`;
        // Inside an open here-document only a line that could be its delimiter is worth a re-parse
        // (a 40-line heredoc was 40 parses of a growing text).
        const delimiters = state === 'heredoc' ? heredocDelimiters(cmd) : undefined;
        if (delimiters && !delimiters.has(line.replace(/^\t+/, ''))) continue;
        state = completeness(cmd);
      }
      steps.push({ line: cmd, lineNo, edits: [], ...(pendingInterrupt !== undefined ? { interruptAfterMs: pendingInterrupt } : {}) });
      pendingInterrupt = undefined;
    }
  }
  return steps;
}

export interface StepResult extends LineResult {
  line: string;
  lineNo: number;
  /** Virtual time (ms since epoch) when the command was typed. */
  t: number;
  /** The prompt shown before it. */
  prompt: string;
  /** stdout and stderr interleaved as the terminal showed them. */
  terminal: string;
}

/** Runs the steps on `session`, letting `delayMs` of virtual time pass before each command after the first. */
export async function runScriptSteps(
  session: Session,
  steps: ScriptStep[],
  opts: { delayMs?: number; onStep?: (r: StepResult) => void } = {},
): Promise<StepResult[]> {
  const delayMs = opts.delayMs ?? 3000;
  const out: StepResult[] = [];
  for (const [n, step] of steps.entries()) {
    if (n > 0 && delayMs > 0) await session.advanceTo(session.nowMs() + delayMs);
    const prompt = session.prompt();
    const t = session.nowMs();
    let terminal = '';
    const shown = session.onOutput;
    session.onOutput = (chunk, stream) => {
      terminal += chunk;
      shown?.(chunk, stream);
    };
    let r: LineResult;
    try {
      r = await session.run(step.line, { edits: step.edits, ...(step.interruptAfterMs !== undefined ? { interruptAfterMs: step.interruptAfterMs } : {}) });
    } finally {
      session.onOutput = shown;
    }
    const result = { ...r, line: step.line, lineNo: step.lineNo, t, prompt, terminal };
    out.push(result);
    opts.onStep?.(result);
  }
  return out;
}
