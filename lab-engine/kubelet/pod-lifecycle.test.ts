import { describe, expect, it } from 'vitest';
import { containerState, eventsFor, getPod, kubelet, pod, testCluster } from './testing';

describe('kubelet pod lifecycle', () => {
  it('pulls, creates and starts nginx with the v1.32 events and status', () => {
    const c = testCluster();
    c.api().create(pod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }));
    c.settle();
    const p = getPod(c, 'web');
    const node = p.spec.nodeName;
    expect(eventsFor(c, 'web')).toEqual([
      `Normal Scheduled Successfully assigned default/web to ${node}`,
      'Normal Pulling Pulling image "nginx:1.27"',
      'Normal Pulled Successfully pulled image "nginx:1.27" in 2.765s (2.765s including waiting). Image size: 72099410 bytes.',
      'Normal Created Created container: nginx',
      'Normal Started Started container nginx',
    ]);
    expect(p.status.phase).toBe('Running');
    expect(p.status.conditions.map((x: { type: string; status: string }) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    const cs = p.status.containerStatuses[0];
    expect(cs.image).toBe('docker.io/library/nginx:1.27');
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs).toMatchObject({ name: 'nginx', ready: true, restartCount: 0, started: true, lastState: {} });
    expect(p.status.podIP).toMatch(/^10\.244\.[12]\.2$/);
    expect(p.status.hostIP).toBe(node === 'node01' ? '192.168.1.11' : '192.168.1.12');
    expect(p.status.qosClass).toBe('BestEffort');
    expect(kubelet(c).logs('default', 'web').split('\n').slice(0, 2)).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    ]);
  });

  it('a second pod on the same node finds the image already present', () => {
    const c = testCluster();
    const spec = { containers: [{ name: 'nginx', image: 'nginx:1.27' }], nodeName: 'node01' };
    c.api().create(pod('a', spec));
    c.settle();
    c.api().create(pod('b', spec));
    c.settle();
    expect(eventsFor(c, 'b')).toEqual(['Normal Pulled Container image "nginx:1.27" already present on machine', 'Normal Created Created container: nginx', 'Normal Started Started container nginx']);
    expect(getPod(c, 'b').status.podIP).toBe('10.244.1.3');
  });

  it('busybox without a command exits 0 and goes into CrashLoopBackOff (10s, 20s, …)', () => {
    const c = testCluster();
    const created = c.api().create(pod('bb', { containers: [{ name: 'bb', image: 'busybox' }], nodeName: 'node01' }));
    c.settle();
    let p = getPod(c, 'bb');
    const uid = created.metadata.uid;
    expect(p.status.containerStatuses[0].restartCount).toBe(1);
    expect(containerState(p)).toEqual({ waiting: { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=bb pod=bb_default(${uid})` } });
    expect(p.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.status.phase).toBe('Running');
    c.advance(11_000); // 10 s back-off, then a manifest-only re-pull of busybox:latest
    p = getPod(c, 'bb');
    expect(p.status.containerStatuses[0].restartCount).toBe(2);
    expect(containerState(p)).toEqual({ waiting: { reason: 'CrashLoopBackOff', message: `back-off 20s restarting failed container=bb pod=bb_default(${uid})` } });
    expect(eventsFor(c, 'bb')).toContain(`Warning BackOff Back-off restarting failed container bb in pod bb_default(${uid}) (x2)`);
  });

  it('an unknown image goes ErrImagePull → ImagePullBackOff with the containerd error', () => {
    const c = testCluster();
    c.api().create(pod('bad', { containers: [{ name: 'c', image: 'nginx:9.99' }], nodeName: 'node02' }));
    c.settle();
    const p = getPod(c, 'bad');
    expect(containerState(p)).toEqual({ waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:9.99"' } });
    expect(eventsFor(c, 'bad')).toEqual([
      'Normal Pulling Pulling image "nginx:9.99"',
      'Warning Failed Failed to pull image "nginx:9.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.99": failed to resolve reference "docker.io/library/nginx:9.99": docker.io/library/nginx:9.99: not found',
      'Warning Failed Error: ErrImagePull',
      'Normal BackOff Back-off pulling image "nginx:9.99"',
      'Warning Failed Error: ImagePullBackOff',
    ]);
    expect(() => kubelet(c).logs('default', 'bad')).toThrowError('container "c" in pod "bad" is waiting to start: trying and failing to pull image');
  });

  it('postgres without POSTGRES_PASSWORD prints the real error and crash-loops', () => {
    const c = testCluster();
    c.api().create(pod('db', { containers: [{ name: 'postgres', image: 'postgres:16' }], nodeName: 'node01' }));
    c.settle();
    const p = getPod(c, 'db');
    expect(p.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(kubelet(c).logs('default', 'db')).toBe(
      'Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n       connections without a password. This is *not* recommended.\n\n       See PostgreSQL documentation about "trust":\n       https://www.postgresql.org/docs/current/auth-trust.html\n',
    );
  });

  it('runs sh -c loops on the virtual clock, with --timestamps and --previous', () => {
    const c = testCluster();
    c.api().create(pod('loop', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'for i in 1 2 3; do echo "line $i"; sleep 5; done; exit 2'] }], nodeName: 'node01' }));
    c.settle();
    const k = kubelet(c);
    expect(k.logs('default', 'loop')).toBe('line 1\n');
    c.advance(10_000);
    expect(k.logs('default', 'loop', { timestamps: true }).replace(/\.\d+Z/g, 'Z')).toBe('2026-01-05T09:00:01Z line 1\n2026-01-05T09:00:06Z line 2\n2026-01-05T09:00:11Z line 3\n');
    expect(k.logs('default', 'loop', { tailLines: 1 })).toBe('line 3\n');
    expect(() => k.logs('default', 'loop', { previous: true })).toThrowError('previous terminated container "c" in pod "loop" not found');
    c.advance(5_000);
    const p = getPod(c, 'loop');
    expect(p.status.containerStatuses[0].restartCount).toBe(1);
    expect(k.logs('default', 'loop', { previous: true })).toBe('line 1\nline 2\nline 3\n');
    expect(p.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 2, reason: 'Error', startedAt: '2026-01-05T09:00:01Z', finishedAt: '2026-01-05T09:00:16Z' });
  });

  it('restartPolicy Never / OnFailure end in Succeeded / Failed', () => {
    const c = testCluster();
    c.api().create(pod('ok', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo done'] }], nodeName: 'node01' }));
    c.api().create(pod('ko', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['false'] }], nodeName: 'node01' }));
    c.settle();
    const ok = getPod(c, 'ok');
    expect(ok.status.phase).toBe('Succeeded');
    expect(containerState(ok)).toMatchObject({ terminated: { exitCode: 0, reason: 'Completed' } });
    expect(ok.status.conditions.find((x: { type: string }) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    const ko = getPod(c, 'ko');
    expect(ko.status.phase).toBe('Failed');
    expect(containerState(ko)).toMatchObject({ terminated: { exitCode: 1, reason: 'Error' } });
    expect(() => kubelet(c).exec('default', 'ok', undefined, ['ls'])).toThrowError('cannot exec into a container in a completed pod; current phase is Succeeded');
  });

  it('memory above the limit is OOMKilled (exit 137)', () => {
    const c = testCluster();
    c.api().create(
      pod('hog', {
        containers: [{ name: 'stress', image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'], resources: { limits: { memory: '100Mi' }, requests: { memory: '50Mi' } } }],
        nodeName: 'node01',
      }),
    );
    c.settle();
    c.advance(1_000);
    const p = getPod(c, 'hog');
    expect(p.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(p.status.qosClass).toBe('Burstable');
  });
});
