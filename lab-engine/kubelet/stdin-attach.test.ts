import { describe, expect, it } from 'vitest';
import { containerState, getPod, kubelet, pod, testCluster } from './testing';
import { createCluster } from '../sim/cluster';

/** Containers with `stdin`/`tty` (kubectl run -it): a shell reading its stdin waits for the terminal. */
describe('kubelet: stdin, tty and attach', () => {
  const shell = (extra: Record<string, unknown>, restartPolicy = 'Never') => ({
    containers: [{ name: 'tmp', image: 'busybox', args: ['sh'], ...extra }],
    restartPolicy,
    nodeName: 'node01',
  });

  it('sh without stdin exits at once (end-of-file); with stdin: true it stays Running', () => {
    const c = testCluster();
    c.api().create(pod('closed', shell({})));
    c.api().create(pod('open', shell({ stdin: true, stdinOnce: true, tty: true })));
    c.settle();
    expect(getPod(c, 'closed').status.phase).toBe('Succeeded');
    expect(getPod(c, 'open').status.phase).toBe('Running');
    c.advance(600_000);
    expect(getPod(c, 'open').status.phase).toBe('Running');
    expect(kubelet(c).attach('default', 'open', 'tmp').shell).toBe('sh');
  });

  it('tty alone keeps a shell waiting too; `sh -c` and `cat` on an open stdin behave as on a node', () => {
    const c = testCluster();
    c.api().create(pod('tty', shell({ tty: true })));
    c.api().create(pod('script', shell({ stdin: true, args: ['sh', '-c', 'echo hi; exit 3'] })));
    c.api().create(pod('cat', shell({ stdin: true, args: ['cat'] })));
    c.settle();
    expect(getPod(c, 'tty').status.phase).toBe('Running');
    expect(getPod(c, 'script').status.phase).toBe('Failed');
    expect(containerState(getPod(c, 'script'))).toMatchObject({ terminated: { exitCode: 3, reason: 'Error' } });
    expect(getPod(c, 'cat').status.phase).toBe('Running');
    expect(kubelet(c).attach('default', 'cat', 'tmp').shell).toBeUndefined();
  });

  it('an image entrypoint that execs its arguments (nginx -- bash) is still an interactive shell', () => {
    const c = testCluster();
    c.api().create(pod('nx', { containers: [{ name: 'nx', image: 'nginx:1.27', args: ['bash'], stdin: true, stdinOnce: true, tty: true }], restartPolicy: 'Never', nodeName: 'node01' }));
    c.settle();
    expect(getPod(c, 'nx').status.phase).toBe('Running');
    expect(kubelet(c).attach('default', 'nx', 'nx').shell).toBe('bash');
  });

  it('`exit N` in the attached shell ends the main process with N', () => {
    const c = testCluster();
    c.api().create(pod('tmp', shell({ stdin: true, stdinOnce: true, tty: true })));
    c.settle();
    const h = kubelet(c).attach('default', 'tmp', 'tmp');
    expect(h.running()).toBe(true);
    h.exit(3);
    expect(h.running()).toBe(false);
    c.settle();
    const p = getPod(c, 'tmp');
    expect(p.status.phase).toBe('Failed');
    expect(containerState(p)).toMatchObject({ terminated: { exitCode: 3, reason: 'Error' } });
  });

  it('detaching closes stdin only with stdinOnce; restartPolicy Always restarts the shell, waiting again', () => {
    const c = testCluster();
    c.api().create(pod('once', shell({ stdin: true, stdinOnce: true, tty: true }, 'Always')));
    c.api().create(pod('open', shell({ stdin: true, tty: true }, 'Always')));
    c.settle();
    kubelet(c).attach('default', 'once', 'tmp').detach();
    kubelet(c).attach('default', 'open', 'tmp').detach();
    c.settle();
    const once = getPod(c, 'once');
    expect(once.status.containerStatuses[0].restartCount).toBe(1);
    expect(once.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(once.status.phase).toBe('Running');
    expect(containerState(once)).toHaveProperty('running');
    expect(getPod(c, 'open').status.containerStatuses[0].restartCount).toBe(0);
  });

  it('SIGINT through the TTY: sh -c exits 130, PID 1 sleep/cat and an interactive shell ignore it, servers shut down (0)', () => {
    const c = testCluster();
    const tty = { stdin: true, stdinOnce: true, tty: true };
    c.api().create(pod('loop', shell({ ...tty, args: ['sh', '-c', 'while true; do echo x; sleep 1; done'] })));
    c.api().create(pod('sleep', shell({ ...tty, args: ['sleep', '1000'] })));
    c.api().create(pod('cat', shell({ ...tty, args: ['cat'] })));
    c.api().create(pod('sh', shell(tty)));
    c.api().create(pod('web', { containers: [{ name: 'tmp', image: 'nginx:1.27', ...tty }], restartPolicy: 'Never', nodeName: 'node01' }));
    c.settle();
    const k = kubelet(c);
    expect(['loop', 'sleep', 'cat', 'sh', 'web'].map((n) => k.attach('default', n, 'tmp').interrupt())).toEqual([true, false, false, false, true]);
    c.settle();
    expect(containerState(getPod(c, 'loop'))).toMatchObject({ terminated: { exitCode: 130, reason: 'Error' } });
    expect(containerState(getPod(c, 'web'))).toMatchObject({ terminated: { exitCode: 0, reason: 'Completed' } });
    for (const n of ['sleep', 'cat', 'sh']) expect(getPod(c, n).status.phase).toBe('Running');
  });

  it('a bare cat on an open stdin is a stdin reader: detaching with stdinOnce is its end-of-file', () => {
    const c = testCluster();
    c.api().create(pod('cat', shell({ stdin: true, stdinOnce: true, args: ['cat'] })));
    c.api().create(pod('catf', shell({ stdin: true, stdinOnce: true, args: ['cat', '/etc/hostname'] })));
    c.settle();
    const h = kubelet(c).attach('default', 'cat', 'tmp');
    expect(h.stdinReader).toEqual(['cat']);
    h.detach();
    c.settle();
    expect(containerState(getPod(c, 'cat'))).toMatchObject({ terminated: { exitCode: 0, reason: 'Completed' } });
    expect(getPod(c, 'catf').status.phase).toBe('Succeeded');
  });

  it('attach to a completed pod fails like exec', () => {
    const c = testCluster();
    c.api().create(pod('done', shell({})));
    c.settle();
    expect(() => kubelet(c).attach('default', 'done', 'tmp')).toThrow('cannot exec into a container in a completed pod; current phase is Succeeded');
  });

  it('busybox older than 1.30 prints its own nslookup format (busybox:1.28)', () => {
    // The default topology runs CoreDNS.
    const c = createCluster({ seed: 7, topology: 'default' });
    c.settle();
    c.api().create(pod('old', { containers: [{ name: 'c', image: 'busybox:1.28', args: ['sleep', '3600'] }], nodeName: 'node01' }));
    c.api().create(pod('new', { containers: [{ name: 'c', image: 'busybox:1.36', args: ['sleep', '3600'] }], nodeName: 'node01' }));
    c.settle();
    const old = kubelet(c).exec('default', 'old', 'c', ['nslookup', 'kubernetes.default']);
    expect(old.stdout).toMatch(/^Server: {4}10\.96\.0\.10\nAddress 1: 10\.96\.0\.10 kube-dns\.kube-system\.svc\.cluster\.local\n\nName: {6}kubernetes\.default\nAddress 1: 10\.96\.0\.1 kubernetes\.default\.svc\.cluster\.local\n$/);
    expect(kubelet(c).exec('default', 'new', 'c', ['nslookup', 'kubernetes.default']).stdout).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n/);
  });
});
