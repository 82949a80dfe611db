import type { Json, KubeObject } from '../../api/types';

/** One location: an Ingress path with its backend and the annotations that shape matching. */
export interface Candidate {
  ingress: KubeObject;
  path: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  /** use-regex / rewrite-target: the path is a case-insensitive regex anchored at the start. */
  regex: boolean;
  rewrite?: string;
  backend: Json;
}

/** Does the location match the request path? Returns the regex match for capture groups. */
export function matchRule(c: Candidate, path: string): RegExpExecArray | undefined {
  if (c.regex && c.pathType !== 'Exact') {
    let re: RegExp;
    try {
      re = new RegExp(`^${c.path}`, 'i');
    } catch {
      return undefined;
    }
    return re.exec(path) ?? undefined;
  }
  const ok =
    c.pathType === 'Exact' ? path === c.path : c.pathType === 'Prefix' ? prefixMatches(c.path, path) : path.startsWith(c.path);
  return ok ? (Object.assign([path], { index: 0, input: path }) as unknown as RegExpExecArray) : undefined;
}

/** networking.k8s.io Prefix: matched element by element on `/` (`/foo` matches `/foo` and `/foo/bar`, not `/foobar`). */
export function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.length > 1 ? prefix.replace(/\/+$/, '') : prefix;
  if (p === '/') return true;
  return path === p || path.startsWith(`${p}/`);
}

/** Exact locations first, then the longest path that matches (nginx's choice). */
export function pickRule(rules: Candidate[], path: string): { candidate: Candidate; match?: RegExpExecArray } | undefined {
  for (const c of rules) if (c.pathType === 'Exact' && path === c.path) return { candidate: c };
  const sorted = rules.filter((c) => c.pathType !== 'Exact').sort((a, b) => b.path.length - a.path.length);
  for (const c of sorted) {
    const m = matchRule(c, path);
    if (m) return { candidate: c, match: m };
  }
  return undefined;
}
