import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printObjects } from './index';
import { KubectlError } from '../types';
import type { KubeObject } from '../../api/types';

// Goldens recorded from real kubectl v1.32.4 (`kubectl label -f obj zz- --local -o FORMAT`)
// by testdata/record-output-goldens.mjs.
const dir = join(__dirname, '..', 'testdata');
const inputs = JSON.parse(readFileSync(join(dir, 'output-inputs.json'), 'utf8')) as Record<string, KubeObject>;
const cases = JSON.parse(readFileSync(join(dir, 'output-goldens.json'), 'utf8')) as {
  input: string; format: string; stdout: string; stderr: string; code: number;
}[];

function run(obj: KubeObject, format: string): { stdout: string; stderr: string; code: number } {
  try {
    const out = printObjects([obj], format);
    if (out === undefined) return { stdout: '', stderr: `unsupported ${format}`, code: 99 };
    return { stdout: out, stderr: '', code: 0 };
  } catch (e) {
    if (e instanceof KubectlError) return { stdout: (e as { partialStdout?: string }).partialStdout ?? '', stderr: `error: ${e.message}${e.message.endsWith('\n') ? '' : '\n'}`, code: 1 };
    throw e;
  }
}

describe('object printers match real kubectl v1.32.4', () => {
  for (const c of cases) {
    it(`${c.input} -o ${c.format}`, () => {
      const r = run(inputs[c.input], c.format);
      expect(r).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
  }
});
