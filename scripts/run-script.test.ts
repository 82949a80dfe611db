import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCli, renderStep, runScript } from './run-script';
import { parseScript } from '../lab-engine/session/script';

describe('parseScript', () => {
  it('keeps heredocs, compound commands and continuations with their command', () => {
    const steps = parseScript(
      [
        '# a comment',
        'alias k=kubectl',
        '',
        'cat <<EOF | k apply -f -',
        'apiVersion: v1',
        '# not a comment: inside the heredoc',
        'EOF',
        'for i in 1 2; do',
        '  echo $i',
        'done',
        'echo a \\',
        '  b',
        'echo x |',
        '  wc -l',
        "echo 'multi",
        "line'",
      ].join('\n'),
    );
    expect(steps.map((s) => [s.lineNo, s.line])).toEqual([
      [2, 'alias k=kubectl'],
      [4, 'cat <<EOF | k apply -f -\napiVersion: v1\n# not a comment: inside the heredoc\nEOF'],
      [8, 'for i in 1 2; do\n  echo $i\ndone'],
      [11, 'echo a \\\n  b'],
      [13, 'echo x |\n  wc -l'],
      [15, "echo 'multi\nline'"],
    ]);
  });

  it('attaches #@edit blocks and #@ctrl-c-after to their command', () => {
    const steps = parseScript('vi a.yaml\n#@edit\nx: 1\n  y: 2\n#@end\n#@ctrl-c-after 5000\nwatch date\nkubectl edit cm x\n#@edit-cancel\n');
    expect(steps).toEqual([
      { line: 'vi a.yaml', lineNo: 1, edits: ['x: 1\n  y: 2\n'] },
      { line: 'watch date', lineNo: 7, edits: [], interruptAfterMs: 5000 },
      { line: 'kubectl edit cm x', lineNo: 8, edits: [null] },
    ]);
    expect(() => parseScript('vi a\n#@edit\nx')).toThrow('line 2: #@edit block without #@end');
  });
});

describe('runScript', () => {
  it('runs commands with virtual time passing between them and renders a terminal', async () => {
    const run = await runScript('date +%T\ncd /tmp\nvi n.txt\n#@edit\nhello\n#@end\ncat n.txt\n#@ctrl-c-after 4000\nwatch -t -n 2 cat n.txt', { topology: 'bare', delayMs: 3000 });
    expect(run.steps.map((s) => [s.t - run.steps[0].t, s.exitCode])).toEqual([[0, 0], [3000, 0], [6000, 0], [9000, 0], [12000, 130]]);
    expect(run.steps.map(renderStep).join('')).toBe(
      'controlplane:~$ date +%T\n09:00:00\n' +
        'controlplane:~$ cd /tmp\n' +
        'controlplane:/tmp$ vi n.txt\n' +
        'controlplane:/tmp$ cat n.txt\nhello\n' +
        'controlplane:/tmp$ watch -t -n 2 cat n.txt\n\x1b[H\x1b[2Jhello\n\x1b[H\x1b[2Jhello\n\x1b[H\x1b[2Jhello\n^C\n',
    );
  });

  it('shows stdout and stderr interleaved as a terminal does (kubectl -it notices, warnings before results)', async () => {
    const run = await runScript("kubectl run t --rm -it --image=busybox --restart=Never -- sh\necho in\nexit 2\nkubectl create ns s\nkubectl label ns s pod-security.kubernetes.io/warn=baseline\nkubectl -n s run p --image=nginx --privileged", { topology: 'default', delayMs: 1000 });
    const screen = run.steps.map(renderStep).join('');
    expect(screen).toContain("controlplane:~$ kubectl run t --rm -it --image=busybox --restart=Never -- sh\nIf you don't see a command prompt, try pressing enter.\n/ # echo in\nin\n/ # exit 2\npod \"t\" deleted\npod default/t terminated (Error)\ncontrolplane:~$ ");
    expect(screen).toContain('controlplane:~$ kubectl -n s run p --image=nginx --privileged\nWarning: would violate PodSecurity "baseline:latest": privileged (container "p" must not set securityContext.privileged=true)\npod/p created\n');
    expect(run.steps[2].stderr).toBe('pod default/t terminated (Error)\n');
    expect(run.steps[2].exitCode).toBe(2);
  }, 60_000);

  it('applies #@sed substitutions to what the editor shows, and records the saved text', async () => {
    const run = await runScript("printf 'replicas: 1\\nimage: nginx:1.26\\n' > d.yaml\nvi d.yaml\n#@sed s/replicas: 1/replicas: 3/\n#@sed s|nginx:.*|nginx:1.27 # was &|\ncat d.yaml", { topology: 'bare' });
    expect(run.steps[2].stdout).toBe('replicas: 3\nimage: nginx:1.27 # was nginx:1.26\n');
    const act = run.session.transcript().acts.find((a) => a.kind === 'line' && a.line === 'vi d.yaml');
    expect(act).toMatchObject({ auto: { edits: ['replicas: 3\nimage: nginx:1.27 # was nginx:1.26\n'] } });
  });

  it('is deterministic: the same script and seed give the same state hash', async () => {
    const script = 'echo $RANDOM > /opt/r\nsleep 10\ncat /opt/r';
    const a = await runScript(script, { seed: 5, topology: 'bare' });
    const b = await runScript(script, { seed: 5, topology: 'bare' });
    expect(a.session.stateHash()).toBe(b.session.stateHash());
    expect(a.steps[2].stdout).toBe(b.steps[2].stdout);
  });
});

describe('--lab', () => {
  it("starts from the lab's cluster, seed and setup", async () => {
    const lab = readFileSync(join(__dirname, '..', 'content/courses/cka-hands-on/networking/expose-with-nodeport/lab.yaml'), 'utf8');
    const run = await runScript("kubectl get deploy hello -o jsonpath='{.spec.replicas}'", { labYaml: lab });
    expect(run.steps[0].stdout).toBe('2');
    expect(run.session.options.seed).toBe(31);
    expect(run.session.shell().history).toEqual(["kubectl get deploy hello -o jsonpath='{.spec.replicas}'"]);
  });
});

describe('CLI', () => {
  it('parses its options', () => {
    expect(parseCli(['--seed', '3', '--delay-ms=500', '--json', '--topology', 'bare', 'x.sh'])).toEqual({ json: true, file: 'x.sh', seed: 3, delayMs: 500, topology: 'bare' });
    expect(parseCli(['--bogus', 'x.sh'])).toMatch(/^run-script: unknown option --bogus\nusage: run-script/);
    expect(parseCli([])).toMatch(/^run-script: no script given/);
  });

  it('prints JSON lines and the final objects', () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-script-'));
    const file = join(dir, 's.sh');
    writeFileSync(file, 'echo hi\nfalse\n');
    const out = execFileSync('npx', ['tsx', 'scripts/run-script.ts', '--topology', 'bare', '--json', file], { encoding: 'utf8', cwd: join(__dirname, '..') });
    const doc = JSON.parse(out);
    expect(doc.lines).toEqual([
      { line: 'echo hi', stdout: 'hi\n', stderr: '', exitCode: 0, t: Date.UTC(2026, 0, 5, 9, 0, 0) },
      { line: 'false', stdout: '', stderr: '', exitCode: 1, t: Date.UTC(2026, 0, 5, 9, 0, 3) },
    ]);
    expect(Array.isArray(doc.objects)).toBe(true);
    expect(doc.stateHash).toMatch(/^[0-9a-f]{16}$/);
  }, 60_000);
});
