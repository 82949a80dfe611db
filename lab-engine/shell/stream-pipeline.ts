/**
 * `kubectl get pods -w | grep web`, `kubectl logs -f x | grep ERROR`: a line
 * whose first stage streams forever. just-bash runs pipeline stages one after
 * the other (the left side would have to end first), so the shell runs such
 * a line itself: the left command writes into a pipe, and the rest of the
 * pipeline is re-run over everything received so far whenever a complete line
 * arrives; what it prints beyond what was already shown goes to the terminal.
 *
 * Bash semantics kept: Ctrl-C sends SIGINT to every stage, so filters that
 * print only at end-of-file (`wc -l`, `sort`, `tail`, `awk … END{…}`) print
 * nothing; when the left side ends by itself (a followed container exits),
 * the rest sees end-of-file and prints its final output. The left side's
 * stderr goes straight to the terminal. A last stage `head -n N` that has
 * printed N lines ends the line (the left side dies of SIGPIPE).
 */

/** Splits `LEFT | REST` at the first top-level `|` (not `||`, not quoted); undefined when there is none. */
export function splitFirstPipe(line: string): { left: string; rest: string } | undefined {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '|') {
      if (line[i + 1] === '|' || line[i - 1] === '|' || line[i + 1] === '&') return undefined;
      const left = line.slice(0, i).trim();
      const rest = line.slice(i + 1).trim();
      return left && rest ? { left, rest } : undefined;
    }
  }
  return undefined;
}

/** The rest of the line is one pipeline: no lists, background jobs, subshells or further lines. */
export function isPlainPipeline(rest: string): boolean {
  const bare = rest.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""');
  return !/(\|\||&&|[;&\n(){}`]|\$\()/.test(bare);
}

/** `kubectl get|events … -w/--watch/--watch-only`, `kubectl logs -f/--follow …` (after alias expansion). */
export function isEndlessKubectl(words: string[]): boolean {
  if (words[0] !== 'kubectl') return false;
  // The verb is the first known word (flag values such as `-n x` come before it too).
  const verb = words.slice(1).find((w) => w === 'get' || w === 'events' || w === 'logs');
  const has = (...flags: string[]) => words.some((w) => flags.includes(w) || flags.some((f) => f.startsWith('--') && w.startsWith(`${f}=`) && !w.endsWith('=false')));
  if (verb === 'get' || verb === 'events') return has('-w', '--watch', '--watch-only');
  if (verb === 'logs') return has('-f', '--follow');
  return false;
}

const LINE_FILTERS = new Set(['grep', 'egrep', 'fgrep', 'sed', 'awk', 'cut', 'tr', 'cat', 'tee', 'nl', 'head', 'jq', 'rev', 'expand', 'fold']);

/**
 * A stage that prints as its input arrives (so its output over a growing input only grows):
 * the usual line filters, minus the options and programs that wait for end-of-file.
 */
export function isLineFilter(stage: string): boolean {
  const words = stage.trim().split(/\s+/);
  const name = words[0]?.split('/').pop() ?? '';
  if (!LINE_FILTERS.has(name)) return false;
  if (/grep$/.test(name)) return !words.some((w) => /^-[a-zA-Z]*[clLq]/.test(w) || ['--count', '--files-with-matches', '--files-without-match', '--quiet'].includes(w));
  if (name === 'awk') return !/\bEND\b/.test(stage);
  if (name === 'sed') return !/\$\s*[pd!=]|[;'\s{][NHGx]\b/.test(stage);
  if (name === 'jq') return !words.includes('-s') && !words.includes('--slurp');
  return true;
}

/** Input kept for re-running the rest of a pipeline; beyond it only the final run prints. */
export const MAX_STREAMED_INPUT = 512 * 1024;

/**
 * `… | head -n N` (or `head -N`, `head` = 10) as the last stage: once it printed N lines it exits,
 * and the stages before it die of SIGPIPE at their next write — the line ends by itself.
 */
export function headLimit(rest: string): number | undefined {
  const last = rest.split('|').pop()!.trim().split(/\s+/);
  if (last[0] !== 'head') return undefined;
  const args = last.slice(1);
  if (args.length === 0) return 10;
  const m = args.length === 1 ? /^-(?:n)?(\d+)$/.exec(args[0]) : args.length === 2 && args[0] === '-n' ? /^(\d+)$/.exec(args[1]) : null;
  return m ? Number(m[1]) : undefined;
}
