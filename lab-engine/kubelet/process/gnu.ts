import type { CommandFn } from './interpreter';
import type { ImageSpec } from '../images/catalogue';
import { parseImageRef } from '../images/reference';

/**
 * Debian/Ubuntu images ship GNU coreutils, whose diagnostics differ from
 * busybox's: `cat: /x: No such file or directory` (coreutils src/cat.c,
 * error (0, errno, "%s", quotef (infile))) rather than busybox's
 * `cat: can't open '/x': No such file or directory`. The busybox
 * implementations keep their behaviour; their messages are rewritten to
 * coreutils' wording (C locale quoting: 'name').
 */
const REWRITES: [RegExp, string][] = [
  [/^cat: can't open '(.*)': (.*)$/, 'cat: $1: $2'],
  [/^ls: (.*): No such file or directory$/, "ls: cannot access '$1': No such file or directory"],
  [/^(head|tail): can't open '(.*)': (.*)$/, "$1: cannot open '$2' for reading: $3"],
  [/^mkdir: can't create directory '(.*)': (.*)$/, "mkdir: cannot create directory '$1': $2"],
  [/^rm: can't remove '(.*)': (.*)$/, "rm: cannot remove '$1': $2"],
  [/^touch: (.*): (No such file or directory|Read-only file system|Is a directory|Not a directory)$/, "touch: cannot touch '$1': $2"],
  [/^(cp|mv): can't stat '(.*)': (.*)$/, "$1: cannot stat '$2': $3"],
  [/^(cp|mv): can't create '(.*)': (.*)$/, "$1: cannot create regular file '$2': $3"],
];

export function gnuMessage(line: string): string {
  for (const [re, to] of REWRITES) if (re.test(line)) return line.replace(re, to);
  return line;
}

/** True for images whose userland is GNU (Debian/Ubuntu bases), false for busybox/alpine ones. */
export function hasGnuUserland(spec: ImageSpec, image?: string): boolean {
  if (spec.shell !== 'bash') return false;
  const tag = image ? parseImageRef(image).tag : '';
  return !/alpine/.test(tag);
}

export const GNU_COMMANDS = ['cat', 'ls', 'head', 'tail', 'mkdir', 'rm', 'touch', 'cp', 'mv'];

/** The command with coreutils' diagnostics when the container's image is GNU-based (decided per run: `nginx:alpine` stays busybox). */
export function gnuFlavoured(spec: ImageSpec, fn: CommandFn): CommandFn {
  return function* (argv, io, sh) {
    if (!hasGnuUserland(spec, sh.host.image)) return yield* fn(argv, io, sh);
    let pending = '';
    const err = (t: string) => {
      pending += t;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const l of lines) io.err(`${gnuMessage(l)}\n`);
    };
    try {
      return yield* fn(argv, { ...io, err }, sh);
    } finally {
      if (pending) io.err(gnuMessage(pending));
    }
  };
}
