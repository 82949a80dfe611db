import { describe, expect, it } from 'vitest';
import { LogBuffer, renderLogs } from './log-buffer';

describe('LogBuffer', () => {
  it('keeps output without newlines as one line, cut into 16 KiB partial entries as containerd does', () => {
    const b = new LogBuffer(1);
    for (let i = 0; i < 6000; i++) b.write('stdout', 'OK!', i); // 18,000 bytes, no newline
    expect(b.lines).toHaveLength(1);
    expect(b.lines[0]).toMatchObject({ partial: true });
    expect(b.lines[0].text).toHaveLength(16_384);
    expect(renderLogs(b, {}, 6000)).toBe('OK!'.repeat(6000).slice(0, 16_384)); // no newline after a partial entry
    b.write('stdout', '\n', 6000);
    expect(renderLogs(b, {}, 6000)).toBe(`${'OK!'.repeat(6000)}\n`);
  });
});

describe('LogBuffer raw subscription (CRI Attach)', () => {
  it('delivers writes as they happen, newline or not', () => {
    const b = new LogBuffer(1);
    const seen: string[] = [];
    const lines: string[] = [];
    const stop = b.subscribeRaw((t) => seen.push(t));
    b.subscribe((l) => lines.push(l.text));
    b.write('stdout', 'OK!', 1);
    b.write('stdout', 'OK!', 2);
    expect(seen).toEqual(['OK!', 'OK!']);
    expect(lines).toEqual([]); // the log file has no complete line yet
    stop();
    b.write('stdout', 'OK!\n', 3);
    expect(seen).toHaveLength(2);
    expect(lines).toEqual(['OK!OK!OK!']);
  });
});

describe('LogBuffer bound', () => {
  it('keeps the latest 10,000 lines and counts the dropped ones', () => {
    const b = new LogBuffer(1);
    for (let i = 0; i < 25_001; i++) b.write('stdout', `${i}\n`, i);
    expect(b.lines).toHaveLength(10_000);
    expect(b.lines[0].text).toBe('15001');
    expect(b.lines.at(-1)!.text).toBe('25000');
    expect(b.dropped).toBe(15_001);
    expect(renderLogs(b, { tailLines: 2 }, 0)).toBe('24999\n25000\n');
  });
});
