import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ContainerFsImpl, newVolumeDir } from '../fs';
import { Shell, type CommandFn } from './interpreter';
import { baseCommands } from './commands';
import { imageCommands } from './programs';
import { resolveImage } from '../images/catalogue';
import type { HttpHandler, ProcessHost } from './types';
import { piDigits } from './perl';
import { echoserverBody } from './web-apps';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);

function run(image: string, argv: string[], opts: { node?: ProcessHost['node']; volumes?: string[] } = {}) {
  const img = resolveImage(image)!;
  expect(img, image).toBeDefined();
  const commands: Map<string, CommandFn> = baseCommands();
  for (const [k, v] of imageCommands(img.spec)) commands.set(k, v);
  const fs = new ContainerFsImpl(newVolumeDir(), (opts.volumes ?? []).map((path) => ({ path, dir: newVolumeDir(), readOnly: false })));
  for (const d of ['/tmp', '/etc']) fs.mkdir(d, { parents: true });
  fs.write('/etc/hosts', '127.0.0.1\tlocalhost\n');
  const listeners = new Map<number, HttpHandler | undefined>();
  const host: ProcessHost = {
    nowMs: () => NOW,
    hostname: 'pod-1',
    image,
    fs,
    source: { namespace: 'default', pod: 'pod-1' },
    listen: (p, h) => listeners.set(p, h),
    setMemory: () => {},
    setCpu: () => {},
    processes: () => [{ pid: 1, cmd: argv.join(' ') }],
    cpus: 2,
    kernel: '6.8.0-1015-gcp',
    node: opts.node,
  };
  const sh = new Shell(host, { PATH: '/usr/bin:/bin' }, commands);
  let out = '';
  let err = '';
  const gen = sh.exec(argv, { stdin: '', out: (t) => (out += t), err: (t) => (err += t) });
  let r = gen.next();
  while (!r.done && r.value.kind === 'sleep') r = gen.next();
  return { exitCode: r.done ? r.value : undefined, out, err, listeners };
}

describe('perl image', () => {
  it('is in the catalogue under the docs tags', () => {
    for (const t of ['perl', 'perl:5.34', 'perl:5.34.0', 'perl:5.40-slim']) expect(resolveImage(t)?.spec.repository).toBe('perl');
  });

  it('prints pi to 2000 significant digits exactly as perl 5 Math::BigFloat->bpi(2000)', () => {
    const r = run('perl:5.34', ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)']);
    expect(r.exitCode).toBe(0);
    expect(r.out).toHaveLength(2002);
    expect(r.out).toMatch(/^3\.14159265358979323846264338327950288419716939937510/);
    // Last digits as printed by perl 5.36 (`perl -MMath::BigFloat -le 'print Math::BigFloat->bpi(2000)'`).
    expect(r.out.endsWith('739624138908658326459958133904780275901\n')).toBe(true);
    // sha256 of that perl's whole output (2002 bytes).
    expect(createHash('sha256').update(r.out).digest('hex')).toBe('acf68936c61dd66c8a1a5668b0c59c179fefe02bc5a7e8f4b86c5bf74936c28d');
  });

  it('rounds like bpi(N) and keeps trailing zeros', () => {
    expect(['1', '2', '3', '5', '8', '10', '12', '33'].map((n) => piDigits(Number(n)))).toEqual(['3', '3.1', '3.14', '3.1416', '3.1415927', '3.141592654', '3.14159265359', '3.14159265358979323846264338327950']);
  });

  it('runs the image CMD (perl -de0): the debugger banner, then end of input quits', () => {
    const r = run('perl:5.34', ['perl', '-de0']);
    expect(r.exitCode).toBe(0);
    expect(r.out).toBe("\nLoading DB routines from perl5db.pl version 1.60\nEditor support available.\n\nEnter h or 'h h' for help, or 'man perldebug' for more help.\n\nmain::(-e:1):\t0\n");
  });

  it('prints strings and arithmetic; unknown subs and syntax fail as perl does', () => {
    expect(run('perl', ['perl', '-le', 'print 1+2, "a"']).out).toBe('3a\n');
    expect(run('perl', ['perl', '-e', 'print "hi\\n"']).out).toBe('hi\n');
    const u = run('perl', ['perl', '-le', 'print bpi(10)']);
    expect([u.exitCode, u.err]).toEqual([255, 'Undefined subroutine &main::bpi called at -e line 1.\n']);
    const f = run('perl', ['perl', '-e', 'foo(1)']);
    expect([f.exitCode, f.err]).toEqual([255, 'Undefined subroutine &main::foo called at -e line 1.\n']);
    const s = run('perl', ['perl', 'x.pl']);
    expect([s.exitCode, s.err]).toEqual([2, 'Can\'t open perl script "x.pl": No such file or directory\n']);
  });
});

describe('echoserver and other tutorial images', () => {
  it('resolves registry.k8s.io/echoserver:1.4, k8s.gcr.io/echoserver:1.4, the old busybox images and simpleapp', () => {
    for (const i of ['registry.k8s.io/echoserver:1.4', 'k8s.gcr.io/echoserver:1.4', 'registry.k8s.io/echoserver:1.3', 'gcr.io/google-containers/busybox', 'registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'dgkanatsios/simpleapp']) expect(resolveImage(i), i).toBeDefined();
    expect(resolveImage('registry.k8s.io/echoserver:9.9')).toBeUndefined();
  });

  it('echoserver answers with CLIENT VALUES / SERVER VALUES / HEADERS RECEIVED / BODY on 8080', () => {
    const r = run('registry.k8s.io/echoserver:1.4', ['nginx', '-g', 'daemon off;']);
    const h = r.listeners.get(8080)!;
    const reply = h({ method: 'GET', path: '/', headers: { host: '10.96.0.20', 'user-agent': 'Wget', connection: 'close' }, body: '', remoteIP: '10.244.1.5' });
    expect(reply).toMatchObject({ status: 200 });
    expect((reply as { body: string }).body).toBe('CLIENT VALUES:\nclient_address=10.244.1.5\ncommand=GET\nreal path=/\nquery=nil\nrequest_version=1.1\nrequest_uri=http://10.96.0.20:8080/\n\nSERVER VALUES:\nserver_version=nginx: 1.10.0 - lua: 10001\n\nHEADERS RECEIVED:\nconnection=close\nhost=10.96.0.20\nuser-agent=Wget\nBODY:\n-no body in request-');
    expect(echoserverBody({ method: 'POST', path: '/x?a=1', headers: { host: 'svc:80' }, body: 'hello', remoteIP: '1.2.3.4' })).toContain('real path=/x\nquery=a=1\nrequest_version=1.1\nrequest_uri=http://svc:8080/x?a=1\n');
  });

  it('simpleapp answers its hostname on 8080', () => {
    const r = run('dgkanatsios/simpleapp', ['simpleapp']);
    expect(r.listeners.get(8080)!({ method: 'GET', path: '/', headers: {}, body: '', remoteIP: '1.2.3.4' })).toMatchObject({ status: 200, body: 'pod-1\n' });
  });
});

describe('busybox system applets', () => {
  const node = { memoryBytes: 4 * 1024 ** 3, bootMs: NOW - (2 * 86_400 + 3 * 3600 + 4 * 60) * 1000 };

  it('free prints busybox columns from the node memory', () => {
    const r = run('busybox', ['free'], { node });
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('              total        used        free      shared  buff/cache   available');
    expect(lines[1]).toMatch(/^Mem: {6,}4068474 +\d+ +\d+ +\d+ +\d+ +\d+$/);
    expect(lines[1]).toHaveLength(7 + 12 + 5 * 12);
    expect(lines[2]).toBe('Swap:             0           0           0');
    expect(run('busybox', ['free', '-m'], { node }).out.split('\n')[1]).toMatch(/^Mem: +3973 /);
    expect(run('busybox', ['free', '-h'], { node }).out.split('\n')[1]).toBe('Mem:           3.9G      834.4M        1.6G       47.7M        1.5G        2.9G');
    const bad = run('busybox', ['free', '-x']);
    expect([bad.exitCode, bad.err.split('\n')[0]]).toEqual([1, "free: invalid option -- 'x'"]);
  });

  it('uptime counts from the node boot on the virtual clock', () => {
    expect(run('busybox', ['uptime'], { node }).out).toMatch(/^ 09:00:00 up 2 days,  3:04,  0 users,  load average: \d\.\d\d, \d\.\d\d, \d\.\d\d\n$/);
    expect(run('busybox', ['uptime'], { node: { ...node, bootMs: NOW - 5 * 60_000 } }).out).toMatch(/^ 09:00:00 up 5 min,  0 users/);
  });

  it('mount lists the volumes; df shows the root filesystem', () => {
    const m = run('busybox', ['mount'], { volumes: ['/etc/foo', '/var/run/secrets/kubernetes.io/serviceaccount'] });
    expect(m.out).toMatch(/^overlay on \/ type overlay \(rw,relatime,/);
    expect(m.out).toContain('/dev/root on /etc/foo type ext4 (rw,relatime,discard,errors=remount-ro)\n');
    expect(m.out).toContain('tmpfs on /var/run/secrets/kubernetes.io/serviceaccount type tmpfs (ro,');
    expect(run('busybox', ['mount', '/dev/sda', '/mnt']).exitCode).toBe(255);
    const d = run('busybox', ['df', '-h']);
    expect(d.out.split('\n')[0]).toBe('Filesystem                Size      Used Available Use% Mounted on');
    expect(d.out).toMatch(/\noverlay\s+19.2G\s+6.5G\s+12.7G\s+34% \/\ntmpfs\s+64.0M\s+0\s+64.0M\s+0% \/dev\n/);
    expect(run('busybox', ['df', '/nope']).err).toBe("df: /nope: can't find mount point\n");
  });
});

describe('GNU userland of Debian-based images', () => {
  it('nginx (Debian) answers with coreutils messages, nginx:alpine and busybox with busybox ones', () => {
    expect(run('nginx', ['cat', '/x']).err).toBe('cat: /x: No such file or directory\n');
    expect(run('nginx:1.27-alpine', ['cat', '/x']).err).toBe("cat: can't open '/x': No such file or directory\n");
    expect(run('busybox', ['cat', '/x']).err).toBe("cat: can't open '/x': No such file or directory\n");
    expect(run('nginx', ['ls', '/x']).err).toBe("ls: cannot access '/x': No such file or directory\n");
    expect(run('nginx', ['rm', '/x']).err).toBe("rm: cannot remove '/x': No such file or directory\n");
    expect(run('nginx', ['mkdir', '/a/b']).err).toBe("mkdir: cannot create directory '/a/b': No such file or directory\n");
    expect(run('nginx', ['tail', '/x']).err).toBe("tail: cannot open '/x' for reading: No such file or directory\n");
    expect(run('nginx', ['cp', '/x', '/y']).err).toBe("cp: cannot stat '/x': No such file or directory\n");
    expect(run('nginx', ['cat', '/etc/hosts']).out).toBe('127.0.0.1\tlocalhost\n');
  });
});
