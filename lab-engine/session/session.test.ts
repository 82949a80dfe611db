import { describe, expect, it } from 'vitest';
import { createSession } from './session';
import { replay } from './replay';
import { MAX_LINE_BYTES } from '../shell/limits';

const START = Date.UTC(2026, 0, 5, 9, 0, 0);

async function fresh(seed = 1) {
  return createSession({ seed, topology: 'bare' });
}

describe('shell state between lines', () => {
  it('keeps variables, exports, aliases, functions and cwd', async () => {
    const s = await fresh();
    await s.run('x=5; export Y=7; alias hi="echo hello"; greet() { echo "hi $1"; }; mkdir -p /tmp/w && cd /tmp/w');
    const r = await s.run('echo $x $Y; hi; greet bob; pwd');
    expect(r).toEqual({ stdout: '5 7\nhello\nhi bob\n/tmp/w\n', stderr: '', exitCode: 0 });
    expect(s.prompt()).toBe('controlplane:/tmp/w$ ');
    await s.run('cd');
    expect(s.prompt()).toBe('controlplane:~$ ');
    await s.run('unset -f greet; unalias hi');
    expect((await s.run('greet x')).stderr).toBe('bash: greet: command not found\n');
  });

  it('keeps aliases and functions defined by a sourced file', async () => {
    const s = await fresh();
    await s.run(`printf '%s\\n' "alias ll='ls -1'" 'greet() { echo "hi $1"; }' > ~/.fns`);
    expect(await s.run('source ~/.fns')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await s.run('greet you; ll /etc/kubernetes | head -1')).stdout).toBe('hi you\nadmin.conf\n');
  });

  it('has k aliased to kubectl and type/which answer like bash', async () => {
    const s = await fresh();
    expect((await s.run('type k')).stdout).toBe("k is aliased to `kubectl'\n");
    expect((await s.run('alias')).stdout).toBe("alias k='kubectl'\n");
  });

  it('answers unknown commands like bash (exit 127) and keeps $? across lines', async () => {
    const s = await fresh();
    expect(await s.run('foo --bar')).toEqual({ stdout: '', stderr: 'bash: foo: command not found\n', exitCode: 127 });
    expect((await s.run('echo $?')).stdout).toBe('127\n');
    expect((await s.run('false; echo $?')).stdout).toBe('1\n');
  });

  it('keeps numbered history like bash', async () => {
    const s = await fresh();
    await s.run('echo a');
    await s.run('echo b');
    expect((await s.run('history')).stdout).toBe('    1  echo a\n    2  echo b\n    3  history\n');
    expect((await s.run('history 1')).stdout).toBe('    4  history 1\n');
  });

  it('writes heredocs, runs loops, globs, $(…) and pipelines', async () => {
    const s = await fresh();
    await s.run('cat <<EOF > /tmp/a.txt\nweb-1 Running\nweb-2 Pending\ndb-1 Running\nEOF');
    const r = await s.run('for f in /tmp/*.txt; do grep Running $f | awk \'{print $1}\' | sort -r; done; echo "n=$(wc -l < /tmp/a.txt)"');
    expect(r.stdout).toBe('web-1\ndb-1\nn=3\n');
  });
});

describe('virtual time', () => {
  it('prints the virtual clock with GNU date formats', async () => {
    const s = await fresh();
    expect((await s.run('date')).stdout).toBe('Mon Jan  5 09:00:00 UTC 2026\n');
    expect((await s.run('date +%s')).stdout).toBe(`${START / 1000}\n`);
    expect((await s.run('date -u +"%Y-%m-%dT%H:%M:%SZ"')).stdout).toBe('2026-01-05T09:00:00Z\n');
    expect((await s.run("date -d '1 hour ago' +%H:%M")).stdout).toBe('08:00\n');
    expect((await s.run('date -d @0 -u')).stdout).toBe('Thu Jan  1 00:00:00 UTC 1970\n');
    expect(await s.run('date -d tomorrowish')).toEqual({ stdout: '', stderr: 'date: invalid date ‘tomorrowish’\n', exitCode: 1 });
  });

  it('lets sleep advance the cluster clock', async () => {
    const s = await fresh();
    const r = await s.run('sleep 90; date +%T; sleep 1.5m; date +%T');
    expect(r.stdout).toBe('09:01:30\n09:03:00\n');
    expect(s.nowMs()).toBe(START + 180_000);
    expect((await s.run('sleep x')).stderr).toBe("sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n");
  });

  it('seeds $RANDOM from the session seed', async () => {
    const a = await fresh(7);
    const b = await fresh(7);
    const c = await fresh(8);
    const line = 'echo $RANDOM ${RANDOM} $((RANDOM % 100))';
    const ra = (await a.run(line)).stdout;
    expect((await b.run(line)).stdout).toBe(ra);
    expect((await c.run(line)).stdout).not.toBe(ra);
    expect(ra).toMatch(/^\d+ \d+ \d+\n$/);
  });

  it('interrupts streaming commands in auto mode after interruptAfterMs', async () => {
    const s = await fresh();
    const r = await s.run('watch -n 5 date +%T', { interruptAfterMs: 12_000 });
    expect(r.exitCode).toBe(130);
    const frames = r.stdout.split('\x1b[H\x1b[2J').filter(Boolean);
    expect(frames).toHaveLength(3);
    expect(frames[0]).toBe('Every 5.0s: date +%T' + ' '.repeat(80 - 20 - 38) + 'controlplane: Mon Jan  5 09:00:00 2026\n\n09:00:00\n');
    expect(frames[2]).toContain('\n\n09:00:10\n');
    expect(s.nowMs()).toBe(START + 12_000);
    expect((await s.run('echo still here')).stdout).toBe('still here\n');
  });

  it('stops the rest of a line after Ctrl-C, keeping earlier output', async () => {
    const s = await fresh();
    const r = await s.run('echo before; sleep infinity; echo after', { interruptAfterMs: 5000 });
    expect(r).toEqual({ stdout: 'before\n', stderr: '', exitCode: 130 });
    const loop = await s.run('while true; do echo tick; sleep 200; done', { interruptAfterMs: 5000 });
    expect(loop.stdout).toBe('tick\ntick\ntick\ntick\n');
    expect(loop.exitCode).toBe(130);
  });
});

describe('interactive driving', () => {
  it('streams output as virtual time passes and stops on interrupt()', async () => {
    const s = await fresh();
    const chunks: string[] = [];
    const ends: number[] = [];
    s.onOutput = (c) => chunks.push(c);
    s.onLineEnd = (code) => ends.push(code);
    await s.start('watch -t -n 1 date +%S');
    expect(s.busy()).toBe(true);
    expect(chunks).toEqual(['\x1b[H\x1b[2J00\n']);
    await s.advanceTo(START + 2500);
    expect(chunks).toEqual(['\x1b[H\x1b[2J00\n', '\x1b[H\x1b[2J01\n', '\x1b[H\x1b[2J02\n']);
    await s.interrupt();
    expect(s.busy()).toBe(false);
    expect(ends).toEqual([130]);
    expect(s.nowMs()).toBe(START + 2500);
  });

  it('asks the host for an editor and saves what it returns', async () => {
    const s = await fresh();
    await s.run('echo old > /root/f.txt');
    await s.start('vi f.txt && cat f.txt');
    expect(s.pendingEditor()).toEqual({ path: '/root/f.txt', content: 'old\n' });
    const out: string[] = [];
    s.onOutput = (c) => out.push(c);
    await s.saveFile('/root/f.txt', 'new\n');
    expect(s.pendingEditor()).toBeNull();
    expect(out.join('')).toBe('new\n');
    await s.start('vi f.txt');
    await s.cancelEditor();
    expect((await s.run('cat f.txt')).stdout).toBe('new\n');
  });

  it('takes editor contents from run() options in auto mode', async () => {
    const s = await fresh();
    const r = await s.run('vim /tmp/x.yaml; cat /tmp/x.yaml', { edits: ['a: 1\n'] });
    expect(r.stdout).toBe('a: 1\n');
  });
});

describe('hostile input', () => {
  it('bounds infinite loops and fork bombs, and keeps working', async () => {
    const s = await fresh();
    const loop = await s.run('while true; do :; done');
    expect(loop.exitCode).toBe(126);
    expect(loop.stderr).toBe('bash: too many commands executed (>20000) (the shell stops runaway commands)\n');
    const bomb = await s.run(':(){ :|:& };:');
    expect(bomb.exitCode).toBe(126);
    expect(bomb.stderr).toContain('maximum recursion depth (100) exceeded');
    expect((await s.run('echo ok')).stdout).toBe('ok\n');
  });

  it('refuses a 10 MB paste with a clear error', async () => {
    const s = await fresh();
    const r = await s.run(`echo ${'x'.repeat(10 * 1024 * 1024)}`);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`bash: input too long: ${10 * 1024 * 1024 + 5} bytes (the limit is ${MAX_LINE_BYTES} bytes per command line; open a file with vi and paste there)\n`);
    expect((await s.run('echo ok')).stdout).toBe('ok\n');
  });
});

describe('hostile manifests through kubectl', () => {
  it('rejects a YAML alias bomb and deeply nested JSON, and keeps working', async () => {
    const s = await fresh();
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const [prev, cur] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    await s.saveFile('/root/bomb.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n${levels.join('\n')}\n`);
    const bomb = await s.run('kubectl create -f bomb.yaml');
    expect(bomb.exitCode).toBe(1);
    expect(bomb.stderr).toContain('resource exhaustion');
    const deep = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"data":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    await s.saveFile('/root/deep.json', deep);
    const nested = await s.run('kubectl create -f deep.json');
    expect(nested.exitCode).toBe(1);
    expect(nested.stderr).toContain('error parsing deep.json');
    expect((await s.run('jq . deep.json')).stderr).toBe('jq: query depth limit exceeded (1000)\n');
    expect((await s.run('echo ok')).stdout).toBe('ok\n');
  });
});

describe('files of a kubeadm control-plane node', () => {
  it('has the kubeadm layout and a kubeconfig', async () => {
    const s = await createSession({ seed: 1 });
    expect((await s.run('ls /etc/kubernetes')).stdout).toBe('admin.conf\ncontroller-manager.conf\nkubelet.conf\nmanifests\npki\nscheduler.conf\nsuper-admin.conf\n');
    expect((await s.run('ls /etc/kubernetes/manifests')).stdout).toBe('etcd.yaml\nkube-apiserver.yaml\nkube-controller-manager.yaml\nkube-scheduler.yaml\n');
    expect((await s.run('grep -c current-context ~/.kube/config')).stdout).toBe('1\n');
    expect((await s.run('hostname; cat /etc/hostname')).stdout).toBe('controlplane\ncontrolplane\n');
  });

  it('ssh hops to a node with its own prompt and back', async () => {
    const s = await createSession({ seed: 1 });
    await s.run('ssh node01');
    expect(s.prompt()).toBe('node01:~$ ');
    expect((await s.run('hostname')).stdout).toBe('node01\n');
    const back = await s.run('exit');
    expect(back.stdout).toBe('logout\nConnection to node01 closed.\n');
    expect(s.prompt()).toBe('controlplane:~$ ');
    expect((await s.run('ssh nodeX')).stderr).toBe('ssh: Could not resolve hostname nodex: Name or service not known\n'.replace('nodex', 'nodeX'));
  });
});

describe('completion', () => {
  it('completes commands, files, kubectl verbs, resource types and names', async () => {
    const s = await createSession({ seed: 1 });
    await s.run('touch /root/pod.yaml /root/podx.yaml');
    expect(s.complete('hist').candidates).toEqual(['history']);
    expect(s.complete('cat po').candidates).toEqual(['pod.yaml', 'podx.yaml']);
    expect(s.complete('kubectl ro')).toEqual({ candidates: ['rollout'], replaceFrom: 8 });
    expect(s.complete('k get deploy').candidates).toEqual(['deployments.apps']);
    s.cluster.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default' }, data: {} });
    s.cluster.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-env', namespace: 'default' }, data: {} });
    expect(s.complete('k get cm app-').candidates).toEqual(['app-config', 'app-env']);
    expect(s.complete('k describe configmap/app-c').candidates).toEqual(['configmap/app-config']);
    expect(s.complete('k -n kube-').candidates).toEqual(expect.arrayContaining(['kube-node-lease', 'kube-public', 'kube-system']));
    expect(s.complete('k -n kube-').candidates.every((n) => n.startsWith('kube-'))).toBe(true);
    expect(s.complete('k apply -f po').candidates).toEqual(['pod.yaml', 'podx.yaml']);
    expect(s.complete('k rollout ').candidates).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    expect(s.complete('k get po --show-l').candidates).toEqual(['--show-labels']);
  });

  it('accepts source <(kubectl completion bash)', async () => {
    const s = await fresh();
    expect(await s.run('source <(kubectl completion bash)')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});

describe('transcript and replay', () => {
  it('replays a session to the same state hash', async () => {
    const s = await fresh(3);
    await s.run('export A=$RANDOM; mkdir /opt/x; echo $A > /opt/x/a');
    await s.advanceTo(s.nowMs() + 4000);
    await s.start('watch -n 2 cat /opt/x/a');
    await s.advanceTo(s.nowMs() + 5000);
    await s.interrupt();
    await s.start('vi /opt/x/b');
    await s.saveFile('/opt/x/b', 'hello\n');
    await s.run('sleep 3; f() { echo $1; }; cd /opt/x');
    const again = await replay(s.transcript());
    expect(again.stateHash()).toBe(s.stateHash());
    expect(again.nowMs()).toBe(s.nowMs());
    expect((await again.run('cat b; echo $A; pwd')).stdout).toBe((await s.run('cat b; echo $A; pwd')).stdout);
  });
});
