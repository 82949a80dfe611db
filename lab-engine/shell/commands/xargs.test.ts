import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../session/session';
import { parseXargsArgs, xargsBatches, type XargsOptions } from './xargs';

const opts = (args: string[]): XargsOptions => {
  const o = parseXargsArgs(args);
  if (typeof o === 'string') throw new Error(o);
  return o;
};

describe('xargs option parsing (getopt_long, as GNU findutils)', () => {
  it('takes attached and separate values, optional-value short options, long forms', () => {
    expect(opts(['-n1', 'echo'])).toMatchObject({ maxArgs: 1, command: ['echo'] });
    expect(opts(['-n', '2', 'echo', 'x'])).toMatchObject({ maxArgs: 2, command: ['echo', 'x'] });
    expect(opts(['-L1', '-I', '{}', 'kubectl', 'get', '{}'])).toMatchObject({ replace: '{}', maxLines: 1, command: ['kubectl', 'get', '{}'] });
    expect(opts(['-I{}', 'echo', '{}'])).toMatchObject({ replace: '{}' });
    expect(opts(['-i', 'echo', '{}'])).toMatchObject({ replace: '{}', command: ['echo', '{}'] });
    expect(opts(['-rt0'])).toMatchObject({ noRunIfEmpty: true, verbose: true, nul: true, command: ['echo'] });
    expect(opts(['--max-args=3', '--delimiter', '\\n', 'wc'])).toMatchObject({ maxArgs: 3, delimiter: '\n', command: ['wc'] });
    expect(opts(['echo', '-n1'])).toMatchObject({ command: ['echo', '-n1'] });
  });

  it('refuses bad options with GNU messages', () => {
    expect(parseXargsArgs(['-q'])).toBe("xargs: invalid option -- 'q'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nRun COMMAND with arguments INITIAL-ARGS and more arguments read from input.\nTry 'xargs --help' for more information.\n");
    expect(parseXargsArgs(['-n', '0', 'echo'])).toBe('xargs: invalid number "0" for -n option\nTry \'xargs --help\' for more information.\n');
    expect(parseXargsArgs(['-n'])).toMatch(/^xargs: option requires an argument -- 'n'\n/);
  });
});

describe('xargs input splitting', () => {
  it('splits on blanks with quotes; -L groups lines; -I takes whole lines', () => {
    expect(xargsBatches(opts([]), 'a b\n"c d" e\\ f\n').batches).toEqual([['a', 'b', 'c d', 'e f']]);
    expect(xargsBatches(opts(['-L1']), 'a b\nc\n\nd\n').batches).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(xargsBatches(opts(['-n2']), 'a b c\n').batches).toEqual([['a', 'b'], ['c']]);
    expect(xargsBatches(opts(['-I', '{}']), '  10.244.1.5\n10.244.2.7 x\n\n').batches).toEqual([['10.244.1.5'], ['10.244.2.7 x']]);
    expect(xargsBatches(opts(['-d', ',']), 'a b,c\n').batches).toEqual([['a b', 'c\n']]);
    expect(xargsBatches(opts(['-0']), 'a\0b c\0').batches).toEqual([['a', 'b c']]);
    expect(xargsBatches(opts(['-E', 'STOP']), 'a STOP b\n').batches).toEqual([['a']]);
  });

  it('reports an unmatched quote', () => {
    expect(xargsBatches(opts([]), "it's\n").error).toBe('xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n');
  });
});

describe('xargs in the lab shell', () => {
  let s: Session;
  beforeAll(async () => {
    s = await createSession({ seed: 1, topology: 'bare' });
  });

  it('runs one command per line with -L1 -I, as the practice solutions do', async () => {
    const r = await s.run(`printf '10.0.0.1\\n10.0.0.2\\n' | xargs -L1 -I '{}' echo http://\\{\\}:8080`);
    expect(r).toMatchObject({ stdout: 'http://10.0.0.1:8080\nhttp://10.0.0.2:8080\n', exitCode: 0 });
  });

  it('batches with -n1, traces with -t, and runs once on empty input unless -r', async () => {
    expect((await s.run('echo a b c | xargs -n1 echo x')).stdout).toBe('x a\nx b\nx c\n');
    expect(await s.run('echo a b | xargs -t echo')).toMatchObject({ stdout: 'a b\n', stderr: 'echo a b\n' });
    expect((await s.run('true | xargs echo ran')).stdout).toBe('ran\n');
    expect((await s.run('true | xargs -r echo ran')).stdout).toBe('');
  });

  it('exits 123 when a command fails, 127 for an unknown command', async () => {
    expect((await s.run('echo a | xargs false; echo $?')).stdout).toBe('123\n');
    expect((await s.run('echo a | xargs nosuchcmd; echo $?')).stdout).toBe('127\n');
  });

  it('feeds kubectl', async () => {
    await s.run('kubectl create ns a; kubectl create ns b');
    const r = await s.run("printf 'a\\nb\\n' | xargs -n1 kubectl get ns --no-headers -o custom-columns=N:.metadata.name");
    expect(r.stdout).toBe('a\nb\n');
  });
});
