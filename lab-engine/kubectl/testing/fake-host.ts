import type { ClusterContext } from '../../sim/context';
import { createCluster, type ClusterOptions } from '../../sim/cluster';
import type { KubeconfigState, KubectlHost } from '../types';
import { Interrupted } from '../types';
import { runKubectl } from '../kubectl';

/**
 * A KubectlHost over an in-memory filesystem, for tests of every verb:
 *
 *   const host = new FakeHost();                       // bare cluster, seed 1
 *   host.files.set('/root/x.yaml', 'apiVersion: v1…');
 *   const r = await host.run('kubectl apply -f x.yaml'); // {stdout, stderr, code}
 *
 * `host.edits` queues editor results for `kubectl edit` (a string = the saved
 * text, null = quit without saving; a function gets the text shown).
 */
export class FakeHost implements KubectlHost {
  readonly cluster: ClusterContext;
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>(['/', '/root', '/tmp']);
  cwdPath = '/root';
  readonly edits: (string | null | ((shown: string) => string | null))[] = [];
  /** Texts the editor was opened with, in order. */
  readonly edited: { content: string; fileName: string }[] = [];
  interruptAfterMs = Infinity;
  private sleptMs = 0;
  width = 80;
  kubeconfig: KubeconfigState = {
    currentContext: 'kubernetes-admin@kubernetes',
    contexts: [{ name: 'kubernetes-admin@kubernetes', cluster: 'kubernetes', user: 'kubernetes-admin' }],
    clusters: [{ name: 'kubernetes', server: 'https://controlplane:6443' }],
    users: [{ name: 'kubernetes-admin' }],
  };

  constructor(cluster?: ClusterContext | Partial<ClusterOptions>) {
    this.cluster = cluster && 'store' in cluster ? cluster : createCluster({ seed: 1, topology: 'bare', ...(cluster as Partial<ClusterOptions>) });
  }

  /** Runs one kubectl command line (split on blanks; quote with '…' or "…"). */
  async run(line: string, stdin = ''): Promise<{ stdout: string; stderr: string; code: number }> {
    const words = splitWords(line);
    if (words[0] === 'kubectl' || words[0] === 'k') words.shift();
    return this.exec(words, stdin);
  }

  async exec(argv: string[], stdin = ''): Promise<{ stdout: string; stderr: string; code: number }> {
    let stdout = '';
    let stderr = '';
    this.sleptMs = 0;
    const code = await runKubectl(argv, this, { stdin, out: (s) => (stdout += s), err: (s) => (stderr += s) });
    return { stdout, stderr, code };
  }

  cwd(): string {
    return this.cwdPath;
  }

  private abs(p: string): string {
    const raw = p.startsWith('/') ? p : `${this.cwdPath.replace(/\/$/, '')}/${p}`;
    const parts: string[] = [];
    for (const seg of raw.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') parts.pop();
      else parts.push(seg);
    }
    return `/${parts.join('/')}`;
  }

  readFile(path: string): string | undefined {
    return this.files.get(this.abs(path));
  }

  writeFile(path: string, content: string): void {
    this.files.set(this.abs(path), content);
  }

  isDirectory(path: string): boolean {
    const a = this.abs(path);
    if (this.dirs.has(a)) return true;
    const prefix = a === '/' ? '/' : `${a}/`;
    return [...this.files.keys()].some((f) => f.startsWith(prefix));
  }

  listDir(path: string): string[] {
    const a = this.abs(path);
    const prefix = a === '/' ? '/' : `${a}/`;
    const names = new Set<string>();
    for (const f of this.files.keys()) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
    for (const d of this.dirs) if (d.startsWith(prefix) && d !== a) names.add(d.slice(prefix.length).split('/')[0]);
    return [...names].sort();
  }

  async edit(content: string, fileName: string): Promise<string | null> {
    this.edited.push({ content, fileName });
    if (this.edits.length === 0) return null;
    const next = this.edits.shift()!;
    return typeof next === 'function' ? next(content) : next;
  }

  async sleep(ms: number): Promise<void> {
    this.sleptMs += ms;
    if (this.sleptMs > this.interruptAfterMs) throw new Interrupted();
    const c = this.cluster as unknown as { advance?: (ms: number) => void };
    if (typeof c.advance === 'function') c.advance(ms);
  }

  interrupted(): boolean {
    return this.sleptMs > this.interruptAfterMs;
  }

  columns(): number {
    return this.width;
  }
}

/** Shell-like word splitting with '…' and "…" quotes and backslash escapes (no expansion). */
export function splitWords(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let q: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === q) q = null;
      else if (c === '\\' && q === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      q = c;
      has = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}
