import { describe, expect, it } from 'vitest';
import { runToEnd } from './testing';

describe('container shell', () => {
  it('runs lists with ; && || and keeps $?', () => {
    const r = runToEnd('echo a; false && echo no || echo yes; echo "status $?"');
    expect(r.stdout).toBe('a\nyes\nstatus 0\n');
    expect(r.exitCode).toBe(0);
  });

  it('expands variables, defaults and command substitution', () => {
    const r = runToEnd('echo "$HOSTNAME ${MISSING:-dflt} $(echo sub)" $GREETING', { GREETING: 'hello world' });
    expect(r.stdout).toBe('pod-1 dflt sub hello world\n');
  });

  it('for loops with sleeps advance the virtual clock, in the background', () => {
    const r = runToEnd('for i in 1 2 3; do echo "tick $i"; sleep 2; done; exit 3');
    expect(r.stdout).toBe('tick 1\ntick 2\ntick 3\n');
    expect(r.lines.map((l) => l.atMs - r.lines[0].atMs)).toEqual([0, 2000, 4000]);
    expect(r.effects).toEqual([
      { kind: 'sleep', ms: 2000, background: true },
      { kind: 'sleep', ms: 2000, background: true },
      { kind: 'sleep', ms: 2000, background: true },
    ]);
    expect(r.exitCode).toBe(3);
  });

  it('a top-level short sleep is a foreground timer; sleep infinity blocks', () => {
    expect(runToEnd('sleep 5; echo done').effects).toEqual([{ kind: 'sleep', ms: 5000, background: false }]);
    expect(runToEnd('sleep 3600').effects).toEqual([{ kind: 'sleep', ms: 3_600_000, background: true }]);
    expect(runToEnd('sleep infinity').effects).toEqual([{ kind: 'block' }]);
    expect(runToEnd('tail -f /dev/null').effects).toEqual([{ kind: 'block' }]);
  });

  it('while true loops until break, if/elif/else and test', () => {
    const r = runToEnd('n=0; while true; do n=$((n+1)); if [ $n -ge 3 ]; then break; elif [ $n -eq 1 ]; then echo one; else echo other; fi; done; echo $n');
    expect(r.stdout).toBe('one\nother\n3\n');
  });

  it('writes files with redirections and reads them back', () => {
    const r = runToEnd('mkdir -p /data/x && echo hi > /data/x/f && echo there >> /data/x/f; cat /data/x/f; cat /nope; ls /data/x');
    expect(r.stdout).toBe('hi\nthere\nf\n');
    expect(r.stderr).toBe("cat: can't open '/nope': No such file or directory\n");
  });

  it('date, printenv and unknown commands', () => {
    const r = runToEnd('date; date +%s; printenv FOO; nosuch; echo $?', { FOO: 'bar' });
    expect(r.stdout).toBe('Mon Jan  5 09:00:00 UTC 2026\n1767603600\nbar\n127\n');
    expect(r.stderr).toBe('sh: nosuch: not found\n');
  });

  it('pipes and grep', () => {
    expect(runToEnd('printf "a\\nb\\nab\\n" | grep a | wc -l').stdout).toBe('2\n');
  });

  it('reports syntax errors like ash (exit 2)', () => {
    const r = runToEnd('if true; then echo x');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('sh: syntax error: unexpected end of file (expecting "fi")\n');
  });
});
