import { parseBash } from './just-bash-parse';
import type { ScriptNode, StatementNode } from 'just-bash';

/** just-bash's function definition node (not re-exported by its index). */
export interface FunctionDefNode {
  type: 'FunctionDef';
  name: string;
  body: unknown;
  redirections: unknown[];
}

/**
 * AST rewrites applied to every line before just-bash runs it.
 *
 * - `$RANDOM`, `${RANDOM}` and `RANDOM` in arithmetic read Math.random inside
 *   just-bash, and `$SECONDS` reads the real clock; they are rewritten into
 *   `$(__kl_random)` / `$(__kl_seconds)`, commands served from the session's
 *   seeded generator and virtual clock.
 * - After each top-level statement, `__kl_intr $?` is inserted: it returns
 *   the status it is given (so `$?` is unchanged) unless the user pressed
 *   Ctrl-C, in which case it ends the line (bash abandons the rest of a list
 *   whose foreground job died of SIGINT).
 */
export const RANDOM_COMMAND = '__kl_random';
export const SECONDS_COMMAND = '__kl_seconds';
export const INTERRUPT_CHECK_COMMAND = '__kl_intr';

const SPECIAL: Record<string, string> = { RANDOM: RANDOM_COMMAND, SECONDS: SECONDS_COMMAND };

type Node = Record<string, unknown>;

function substitution(command: string): Node {
  return { type: 'CommandSubstitution', body: parseBash(command), legacy: false };
}

/** Rewrites nodes in place, depth first; `fn` returns a replacement or undefined. */
function rewrite(node: unknown, fn: (n: Node) => Node | undefined, depth = 0): unknown {
  if (depth > 2000 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = rewrite(node[i], fn, depth + 1);
    return node;
  }
  const n = node as Node;
  const replaced = fn(n);
  if (replaced) return replaced;
  for (const key of Object.keys(n)) {
    const v = n[key];
    if (v !== null && typeof v === 'object') n[key] = rewrite(v, fn, depth + 1);
  }
  return n;
}

function replaceSpecialVariables(n: Node): Node | undefined {
  if (n.type === 'ParameterExpansion' && n.operation === null && typeof n.parameter === 'string' && SPECIAL[n.parameter]) {
    return substitution(SPECIAL[n.parameter]);
  }
  if (n.type === 'ArithVariable' && typeof n.name === 'string' && SPECIAL[n.name]) {
    return { type: 'ArithCommandSubst', command: SPECIAL[n.name] };
  }
  return undefined;
}

/** `__kl_intr $?` as a statement node (built directly: parsing or cloning per line is measurable). */
function interruptCheck(): StatementNode {
  const word = (parts: unknown[]) => ({ type: 'Word', parts });
  const command = {
    type: 'SimpleCommand',
    name: word([{ type: 'Literal', value: INTERRUPT_CHECK_COMMAND }]),
    args: [word([{ type: 'ParameterExpansion', parameter: '?', operation: null }])],
    assignments: [],
    redirections: [],
  };
  return {
    type: 'Statement',
    pipelines: [{ type: 'Pipeline', commands: [command], negated: false, timed: false, timePosix: false }],
    operators: [],
    background: false,
  } as unknown as StatementNode;
}

/**
 * just-bash runs `cmd &` in the foreground. Commands that would block
 * (`kubectl port-forward`, `sleep`) see `__KL_BG=1` in their environment and
 * return at once instead, leaving their effect (a forward) in the session.
 */
export const BACKGROUND_ENV = '__KL_BG';

function markBackground(s: StatementNode): void {
  for (const p of s.pipelines) {
    for (const c of p.commands as unknown as Node[]) {
      if (c.type !== 'SimpleCommand') continue;
      (c.assignments as unknown[]).push({
        type: 'Assignment',
        name: BACKGROUND_ENV,
        value: { type: 'Word', parts: [{ type: 'Literal', value: '1' }] },
        append: false,
        array: null,
      });
    }
  }
}

/**
 * just-bash 3.4 parses a `[` in an unquoted here-document body as the start of
 * a glob bracket expression: the rest of the bracket becomes a `Glob` part,
 * whose quotes are then removed and whose `$(…)`/`$VAR` are not expanded
 * (`args: [sh, -c, 'echo $(date)']` came out as `args: [sh, -c, echo $\(date\)]`).
 * In bash a here-document body only undergoes parameter, command and
 * arithmetic expansion; `[`, `*`, `?` and quotes are plain text. Each such
 * part is re-parsed as here-document text after its `[`.
 */
const HEREDOC_FRAGMENT_END = '__KL_HEREDOC_FRAGMENT__';

function heredocParts(text: string, depth: number): Node[] {
  const ast = parseBash(`cat <<${HEREDOC_FRAGMENT_END}\n${text}\n${HEREDOC_FRAGMENT_END}\n`) as unknown as Node;
  const command = ((ast.statements as Node[])[0].pipelines as Node[])[0].commands as Node[];
  const parts = [...((((command[0].redirections as Node[])[0].target as Node).content as Node).parts as Node[])];
  const last = parts[parts.length - 1];
  if (last?.type === 'Literal' && typeof last.value === 'string' && last.value.endsWith('\n')) {
    const value = last.value.slice(0, -1);
    if (value) parts[parts.length - 1] = { type: 'Literal', value };
    else parts.pop();
  }
  return literalGlobs(parts, depth + 1);
}

function literalGlobs(parts: Node[], depth = 0): Node[] {
  if (depth > 64) return parts;
  return parts.flatMap((p) => (p.type === 'Glob' && typeof p.pattern === 'string' ? [{ type: 'Literal', value: p.pattern[0] }, ...heredocParts(p.pattern.slice(1), depth)] : [p]));
}

function fixHeredocGlobs(n: Node): Node | undefined {
  if (n.type !== 'HereDoc' || n.quoted) return undefined;
  const content = n.content as Node | undefined;
  if (content?.type === 'Word' && Array.isArray(content.parts) && (content.parts as Node[]).some((p) => p.type === 'Glob')) content.parts = literalGlobs(content.parts as Node[]);
  return undefined;
}

export function rewriteScript(ast: ScriptNode, source?: string): ScriptNode {
  if (source === undefined || /RANDOM|SECONDS/.test(source)) rewrite(ast, replaceSpecialVariables);
  if (source === undefined || (source.includes('<<') && source.includes('['))) rewrite(ast, fixHeredocGlobs);
  const statements: StatementNode[] = [];
  for (const s of ast.statements) {
    if (s.background) markBackground(s);
    statements.push(s);
    // A background statement (`cmd &`) returns at once; nothing to check after it.
    if (!s.background) statements.push(interruptCheck());
  }
  ast.statements = statements;
  return ast;
}

/** just-bash transform plugin form of rewriteScript. */
export const determinismPlugin = {
  name: 'kubelab-determinism',
  transform(ctx: { ast: ScriptNode; metadata: Record<string, unknown> }) {
    return { ast: rewriteScript(ctx.ast) };
  },
};

/**
 * Function definitions a line makes (outside other functions' bodies), so the
 * shell can carry them to the next line: just-bash gives each exec() a fresh
 * copy of its function table and does not hand the new one back.
 */
export function functionDefinitions(ast: ScriptNode): FunctionDefNode[] {
  const out: FunctionDefNode[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 2000 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) visit(x, depth + 1);
      return;
    }
    const n = node as Node;
    if (n.type === 'FunctionDef') {
      out.push(n as unknown as FunctionDefNode);
      return;
    }
    for (const key of Object.keys(n)) visit(n[key], depth + 1);
  };
  visit(ast.statements, 0);
  return out;
}

/** Names removed with `unset -f name…` in a line (simple, literal words only). */
export function unsetFunctions(ast: ScriptNode): string[] {
  const out: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 2000 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return void node.forEach((x) => visit(x, depth + 1));
    const n = node as Node;
    if (n.type === 'SimpleCommand') {
      const words = [n.name, ...((n.args as unknown[]) ?? [])].map(literalWord);
      if (words[0] === 'unset' && words.includes('-f')) out.push(...words.slice(1).filter((w): w is string => !!w && !w.startsWith('-')));
    }
    for (const key of Object.keys(n)) visit(n[key], depth + 1);
  };
  visit(ast.statements, 0);
  return out;
}

/** Files a line sources with a literal path (`source ~/.bashrc`, `. ./fns.sh`), to carry their functions. */
export function sourcedFiles(ast: ScriptNode): string[] {
  const out: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 2000 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return void node.forEach((x) => visit(x, depth + 1));
    const n = node as Node;
    if (n.type === 'SimpleCommand') {
      const name = literalWord(n.name);
      const first = ((n.args as unknown[]) ?? [])[0];
      const path = literalWord(first) ?? tildeWord(first);
      if ((name === 'source' || name === '.') && path) out.push(path);
    }
    for (const key of Object.keys(n)) visit(n[key], depth + 1);
  };
  visit(ast.statements, 0);
  return out;
}

function tildeWord(w: unknown): string | undefined {
  const parts = (w as { parts?: Node[] } | null)?.parts;
  if (!parts || parts[0]?.type !== 'TildeExpansion' || parts.slice(1).some((p) => p.type !== 'Literal')) return undefined;
  return `~${parts.slice(1).map((p) => p.value).join('')}`;
}

function literalWord(w: unknown): string | undefined {
  const parts = (w as { parts?: Node[] } | null)?.parts;
  if (!parts || parts.some((p) => p.type !== 'Literal')) return undefined;
  return parts.map((p) => p.value).join('');
}
