import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor';

describe('LineEditor', () => {
  it('edits in the middle of the line and submits it', () => {
    const e = new LineEditor('$ ');
    e.input('kubectl get pod');
    e.input('\x1b[D');
    e.input('\x1b[D');
    e.input('\x1b[D');
    e.input('x');
    expect(e.line).toBe('kubectl get xpod');
    e.input('\x1b[D');
    e.input('\x1b[3~');
    expect(e.line).toBe('kubectl get pod');
    const r = e.input('\r');
    expect(r.actions).toEqual([{ type: 'submit', line: 'kubectl get pod' }]);
    expect(e.line).toBe('');
  });

  it('walks history with the arrow keys and keeps the draft', () => {
    const e = new LineEditor('$ ');
    e.input('one\r');
    e.input('two\r');
    e.input('dra');
    e.input('\x1b[A');
    expect(e.line).toBe('two');
    e.input('\x1b[A');
    expect(e.line).toBe('one');
    e.input('\x1b[B');
    e.input('\x1b[B');
    expect(e.line).toBe('dra');
  });

  it('submits every line of a multi-line paste in order', () => {
    const e = new LineEditor('$ ');
    const r = e.input('echo a\necho b\npartial');
    expect(r.actions).toEqual([
      { type: 'submit', line: 'echo a' },
      { type: 'submit', line: 'echo b' },
    ]);
    expect(e.line).toBe('partial');
  });

  it('finds an earlier command with Ctrl-R', () => {
    const e = new LineEditor('$ ');
    e.input('kubectl get nodes\r');
    e.input('echo hi\r');
    e.input('\x12');
    e.input('nod');
    const r = e.input('\r');
    expect(r.actions).toEqual([{ type: 'submit', line: 'kubectl get nodes' }]);
  });

  it('turns Ctrl-C into an interrupt and Tab into a completion request', () => {
    const e = new LineEditor('$ ');
    e.input('kubectl ge');
    expect(e.input('\t').actions).toEqual([{ type: 'complete', line: 'kubectl ge', cursor: 10 }]);
    e.applyCompletion(8, 'get ');
    expect(e.line).toBe('kubectl get ');
    expect(e.input('\x03').actions).toEqual([{ type: 'interrupt' }]);
    expect(e.line).toBe('');
  });

  it('kills words and line parts like readline', () => {
    const e = new LineEditor('$ ');
    e.input('kubectl get pods');
    e.input('\x17');
    expect(e.line).toBe('kubectl get ');
    e.input('\x01');
    e.input('\x0b');
    expect(e.line).toBe('');
  });
});
