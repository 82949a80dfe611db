import { describe, expect, it } from 'vitest';
import { eventsFor, getPod, kubelet, pod, testCluster } from './testing';

describe('kubelet probes', () => {
  it('a failing exec liveness probe restarts the container with the real events', () => {
    const c = testCluster();
    c.api().create(
      pod('live', {
        nodeName: 'node01',
        containers: [
          {
            name: 'c',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
            livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 3, successThreshold: 1, timeoutSeconds: 1 },
          },
        ],
      }),
    );
    c.advance(90_000); // fails from ~37 s, killed at ~47 s, sh ignores SIGTERM: SIGKILL after the 30 s grace
    const p = getPod(c, 'live');
    expect(p.status.containerStatuses[0].restartCount).toBe(1);
    const ev = eventsFor(c, 'live');
    expect(ev).toContain("Warning Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n (x3)");
    expect(ev).toContain('Normal Killing Container c failed liveness probe, will be restarted');
    expect(p.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('readiness follows an httpGet probe against the process (nginx 200 vs 404)', () => {
    const c = testCluster();
    const probe = (path: string) => ({ httpGet: { path, port: 80, scheme: 'HTTP' }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 1 });
    c.api().create(pod('ok', { nodeName: 'node01', containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: probe('/') }] }));
    c.api().create(pod('nok', { nodeName: 'node01', containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: probe('/healthz') }] }));
    c.settle();
    c.advance(1_000);
    expect(getPod(c, 'ok').status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('True');
    const nok = getPod(c, 'nok');
    expect(nok.status.conditions.find((x: { type: string }) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
    expect(eventsFor(c, 'nok')).toContain('Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 404');
    expect(kubelet(c).logs('default', 'nok')).toContain('"GET /healthz HTTP/1.1" 404 153 "-" "kube-probe/1.32" "-"');
  });

  it('a tcpSocket probe on a port nobody listens on fails with the dial error', () => {
    const c = testCluster();
    c.api().create(pod('tcp', { nodeName: 'node02', containers: [{ name: 'r', image: 'redis:7', readinessProbe: { tcpSocket: { port: 6380 }, periodSeconds: 10, failureThreshold: 1 } }] }));
    c.settle();
    c.advance(1_000);
    expect(eventsFor(c, 'tcp')).toContain('Warning Unhealthy Readiness probe failed: dial tcp 10.244.2.2:6380: connect: connection refused');
  });
});

describe('kubelet graceful termination', () => {
  it('nginx stops at once; the pod object goes away', () => {
    const c = testCluster();
    c.api().create(pod('web', { nodeName: 'node01', containers: [{ name: 'nginx', image: 'nginx:1.27' }] }));
    c.settle();
    c.api().delete(c.registry.resolve('po')!, 'default', 'web');
    expect(getPod(c, 'web').metadata.deletionTimestamp).toBeDefined();
    c.step();
    expect(c.store.peek('pods', 'default', 'web')).toBeUndefined();
    expect(eventsFor(c, 'web')).toContain('Normal Killing Stopping container nginx');
  });

  it('sleep as PID 1 ignores SIGTERM: the pod terminates after the 30 s grace period', () => {
    const c = testCluster();
    c.api().create(pod('sleeper', { nodeName: 'node01', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    c.settle();
    c.api().delete(c.registry.resolve('po')!, 'default', 'sleeper');
    c.advance(29_000);
    expect(getPod(c, 'sleeper').metadata.deletionTimestamp).toBeDefined();
    c.advance(1_000);
    expect(c.store.peek('pods', 'default', 'sleeper')).toBeUndefined();
  });
});

describe('kubelet logs and exec errors', () => {
  it('uses the API server messages', () => {
    const c = testCluster();
    c.api().create(pod('two', { nodeName: 'node01', containers: [{ name: 'a', image: 'nginx:1.27' }, { name: 'b', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    const k = kubelet(c);
    expect(() => k.logs('default', 'nope')).toThrowError('pods "nope" not found');
    expect(() => k.logs('default', 'two')).toThrowError('a container name must be specified for pod two, choose one of: [a b]');
    expect(() => k.logs('default', 'two', { container: 'zz' })).toThrowError('container zz is not valid for pod two');
    c.advance(1_100);
    expect(() => k.logs('default', 'two', { container: 'a' })).toThrowError('container "a" in pod "two" is waiting to start: ContainerCreating');
    expect(() => k.exec('default', 'two', 'a', ['ls'])).toThrowError('unable to upgrade connection: container not found ("a")');
    c.settle();
    expect(k.exec('default', 'two', 'b', ['sh', '-c', 'echo $HOSTNAME; exit 3'])).toEqual({ stdout: 'two\n', stderr: '', exitCode: 3, durationMs: 0 });
    expect(k.exec('default', 'two', 'b', ['nosuch'])).toMatchObject({ exitCode: 126, stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown\n' });
    expect(k.exec('default', 'two', 'b', ['sleep', '2']).durationMs).toBe(2000);
  });
});
