import type { Session } from './session';
import { completeKubectl } from '../kubectl/completion/complete';
import { parseKubeconfig } from '../shell/kubeconfig';
import { VirtualFs } from '../shell/vfs';

/** Tab completion for the terminal: `replaceFrom` is where the word being completed starts. */
export interface Completion {
  candidates: string[];
  replaceFrom: number;
}

const SHELL_WORDS = ['alias', 'cd', 'echo', 'exit', 'export', 'history', 'source', 'type', 'unalias', 'unset'];

/** Splits the text before the cursor into the words of its last command, and the partial word. */
function lastCommand(text: string): { words: string[]; current: string; currentStart: number } {
  const words: string[] = [];
  let cur = '';
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ' ' || c === '\t') {
      if (cur) words.push(cur);
      cur = '';
      start = i + 1;
    } else if (c === '|' || c === ';' || c === '&' || c === '(' || c === '`') {
      words.length = 0;
      cur = '';
      start = i + 1;
    } else {
      if (!cur) start = i;
      cur += c;
    }
  }
  return { words, current: cur, currentStart: cur ? start : text.length };
}

function fileCandidates(session: Session, prefix: string): string[] {
  const shell = session.shell();
  const slash = prefix.lastIndexOf('/');
  const dirPart = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  const namePart = slash >= 0 ? prefix.slice(slash + 1) : prefix;
  const base = dirPart.startsWith('~/') ? `${shell.home}/${dirPart.slice(2)}` : dirPart;
  const dir = VirtualFs.normalize(shell.cwd(), base || '.');
  return shell.fs
    .listSync(dir)
    .filter((n) => n.startsWith(namePart) && (namePart.startsWith('.') || !n.startsWith('.')))
    .map((n) => `${dirPart}${n}${shell.fs.isDirectorySync(`${dir}/${n}`) ? '/' : ''}`);
}

export function completeLine(session: Session, line: string, cursor: number): Completion {
  const text = line.slice(0, cursor);
  const { words, current, currentStart } = lastCommand(text);
  const shell = session.shell();
  const aliases = shell.aliases();
  let candidates: string[];
  if (words.length === 0) {
    const names = new Set([...SHELL_WORDS, ...Object.keys(aliases), ...shell.functionNames()]);
    for (const n of commandNames(session)) names.add(n);
    candidates = [...names].filter((n) => n.startsWith(current) && !n.startsWith('__kl_')).sort();
  } else {
    const cmd = aliases[words[0]]?.split(' ')[0] ?? words[0];
    if (cmd === 'kubectl') {
      const kc = parseKubeconfig(shell.fs.readSync('/root/.kube/config') ?? '');
      const ctx = kc?.contexts.find((c) => c.name === kc.currentContext);
      candidates = completeKubectl(
        {
          cluster: session.cluster,
          defaultNamespace: ctx?.namespace ?? 'default',
          contexts: kc?.contexts.map((c) => c.name) ?? [],
          files: (p) => fileCandidates(session, p),
        },
        [...(aliases[words[0]]?.split(' ').slice(1) ?? []), ...words.slice(1)],
        current,
      );
    } else if (cmd === 'cd') {
      candidates = fileCandidates(session, current).filter((c) => c.endsWith('/'));
    } else {
      candidates = fileCandidates(session, current);
    }
  }
  return { candidates, replaceFrom: currentStart };
}

function commandNames(session: Session): string[] {
  const bash = session.shell().bash as unknown as { commands?: Map<string, unknown> };
  return bash.commands ? [...bash.commands.keys()] : [];
}
