import type { LineResult } from './run-context';

/**
 * Input the terminal refuses before the shell sees it. A 10 MB paste would
 * take the parser and every later replay of the transcript with it; real
 * terminals cope, but a learner never needs to paste more than a large
 * manifest. Bigger files go through the editor (`vi file`).
 */
export const MAX_LINE_BYTES = 1024 * 1024;

export function checkLine(line: string): LineResult | undefined {
  if (line.length <= MAX_LINE_BYTES / 4) return undefined;
  const bytes = new TextEncoder().encode(line).length;
  if (bytes <= MAX_LINE_BYTES) return undefined;
  return {
    stdout: '',
    stderr: `bash: input too long: ${bytes} bytes (the limit is ${MAX_LINE_BYTES} bytes per command line; open a file with vi and paste there)\n`,
    exitCode: 2,
  };
}
