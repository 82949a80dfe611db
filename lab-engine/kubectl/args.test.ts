import { describe, expect, it } from 'vitest';
import { FlagError, parseDurationMs, parseFlags, parseInt64, readCsv, stripFlags } from './args';
import type { FlagSpec } from './types';

const SPECS: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string', defValue: '', usage: '' },
  { name: 'output', shorthand: 'o', type: 'string', defValue: '', usage: '' },
  { name: 'all', type: 'bool', defValue: 'false', usage: '' },
  { name: 'stdin', shorthand: 'i', type: 'bool', defValue: 'false', usage: '' },
  { name: 'tty', shorthand: 't', type: 'bool', defValue: 'false', usage: '' },
  { name: 'replicas', shorthand: 'r', type: 'int', defValue: '1', usage: '' },
  { name: 'image', type: 'stringSlice', defValue: '[]', usage: '' },
  { name: 'from-literal', type: 'stringArray', defValue: '[]', usage: '' },
  { name: 'timeout', type: 'duration', defValue: '0s', usage: '' },
  { name: 'dry-run', type: 'string', defValue: 'none', usage: '', noOptDefValue: 'unchanged' },
];

describe('parseFlags (pflag semantics)', () => {
  it('reads every value form', () => {
    const p = parseFlags(SPECS, ['-n', 'a', 'x', '-oyaml', '--all', '-it', '--replicas=0x10', 'y', '--timeout', '1m30s']);
    expect(p.values.namespace).toBe('a');
    expect(p.values.output).toBe('yaml');
    expect(p.values.all).toBe(true);
    expect(p.values.stdin).toBe(true);
    expect(p.values.tty).toBe(true);
    expect(p.values.replicas).toBe(16);
    expect(p.values.timeout).toBe(90000);
    expect(p.args).toEqual(['x', 'y']);
    expect([...p.changed].sort()).toEqual(['all', 'namespace', 'output', 'replicas', 'stdin', 'timeout', 'tty']);
  });
  it('handles -nns, -o=json, --all=false, repeated slices and arrays', () => {
    const p = parseFlags(SPECS, ['-nns', '-o=json', '--all=false', '--image=a,b', '--image', 'c', '--from-literal=a=b,c', '--from-literal=d=e']);
    expect(p.values).toMatchObject({ namespace: 'ns', output: 'json', all: false, image: ['a', 'b', 'c'], 'from-literal': ['a=b,c', 'd=e'] });
  });
  it('keeps what follows -- apart', () => {
    const p = parseFlags(SPECS, ['x', '--', 'sh', '-c', 'echo hi']);
    expect(p.args).toEqual(['x']);
    expect(p.afterDash).toEqual(['sh', '-c', 'echo hi']);
    expect(p.argsLenAtDash).toBe(1);
  });
  it('uses NoOptDefVal for a bare --dry-run', () => {
    expect(parseFlags(SPECS, ['--dry-run', 'x']).values['dry-run']).toBe('unchanged');
    expect(parseFlags(SPECS, ['--dry-run=client']).values['dry-run']).toBe('client');
  });
  it('reports errors with pflag wording', () => {
    const err = (argv: string[]) => {
      try {
        parseFlags(SPECS, argv);
      } catch (e) {
        expect(e).toBeInstanceOf(FlagError);
        return (e as Error).message;
      }
      return '';
    };
    expect(err(['--foo'])).toBe('unknown flag: --foo');
    expect(err(['-z'])).toBe("unknown shorthand flag: 'z' in -z");
    expect(err(['-iz'])).toBe("unknown shorthand flag: 'z' in -iz");
    expect(err(['-o'])).toBe("flag needs an argument: 'o' in -o");
    expect(err(['--output'])).toBe('flag needs an argument: --output');
    expect(err(['-r', 'abc'])).toBe('invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax');
    expect(err(['--all=maybe'])).toBe('invalid argument "maybe" for "--all" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
    expect(err(['--timeout=xx'])).toBe('invalid argument "xx" for "--timeout" flag: time: invalid duration "xx"');
  });
});

describe('helpers', () => {
  it('parses Go ints, durations and CSV like Go', () => {
    expect(parseInt64('010')).toBe(8);
    expect(parseInt64('-5')).toBe(-5);
    expect(parseDurationMs('1h2m3.5s')).toBe(3723500);
    expect(parseDurationMs('0')).toBe(0);
    expect(() => parseDurationMs('5')).toThrow('time: missing unit in duration "5"');
    expect(readCsv('a,"b,c",d')).toEqual(['a', 'b,c', 'd']);
  });
  it('strips flags like cobra to find the verb', () => {
    expect(stripFlags(['-n', 'x', 'get', 'pods'], SPECS)).toEqual(['get', 'pods']);
    expect(stripFlags(['--foo', 'get', 'pods'], SPECS)).toEqual(['pods']);
    expect(stripFlags(['--all', 'get'], SPECS)).toEqual(['get']);
  });
});
