import type { KubectlHost } from '../types';
import { KubectlError } from '../types';

/** One document source named by `-f`: its text and the name kubectl reports it by. */
export interface SourceFile {
  /** As kubectl names it in messages: the path as given, or "STDIN". */
  source: string;
  text: string;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

/**
 * cli-runtime resource.Builder FilenameParam / ExpandPathsToFileVisitors:
 * `-` is stdin, a directory contributes its .json/.yaml/.yml files in lexical
 * order (sub-directories only with -R), a named file is read whatever its
 * extension. URLs cannot be reached from the lab.
 */
export function readSources(host: KubectlHost, stdin: string, filenames: string[], recursive: boolean): SourceFile[] {
  const out: SourceFile[] = [];
  for (const f of filenames) {
    if (f === '-') {
      out.push({ source: 'STDIN', text: stdin });
      continue;
    }
    if (/^https?:\/\//.test(f)) {
      const hostName = /^https?:\/\/([^/:]+)/.exec(f)?.[1] ?? f;
      throw new KubectlError(`Unable to connect to the server: dial tcp: lookup ${hostName} on 10.96.0.10:53: no such host`, 1, true);
    }
    if (host.isDirectory(f)) {
      const files = walk(host, f, recursive, 0);
      if (files.length === 0) throw new KubectlError(`error reading [${f}]: recognized file extensions are [.json .yaml .yml]`);
      for (const p of files) out.push({ source: p, text: host.readFile(p) ?? '' });
      continue;
    }
    const text = host.readFile(f);
    if (text === undefined) throw new KubectlError(`the path "${f}" does not exist`);
    out.push({ source: f, text });
  }
  return out;
}

function walk(host: KubectlHost, dir: string, recursive: boolean, depth: number): string[] {
  if (depth > 32) return [];
  const out: string[] = [];
  for (const name of host.listDir(dir)) {
    const p = `${dir.replace(/\/$/, '')}/${name}`;
    if (host.isDirectory(p)) {
      if (recursive) out.push(...walk(host, p, recursive, depth + 1));
    } else if (EXTENSIONS.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}
