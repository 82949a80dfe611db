import { describe, expect, it } from 'vitest';
import { containerState, eventsFor, getPod, kubelet, pod, testCluster } from './testing';

const cm = (name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data });

describe('kubelet env and volumes', () => {
  it('a missing ConfigMap key is CreateContainerConfigError until it exists', () => {
    const c = testCluster();
    c.api().create(
      pod('app', {
        containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode' } } }] }],
        nodeName: 'node01',
      }),
    );
    c.settle();
    expect(containerState(getPod(c, 'app'))).toEqual({ waiting: { reason: 'CreateContainerConfigError', message: 'configmap "cfg" not found' } });
    expect(eventsFor(c, 'app')).toContain('Warning Failed Error: configmap "cfg" not found');
    c.api().create(cm('cfg', { other: 'x' }));
    c.settle();
    expect(containerState(getPod(c, 'app'))).toEqual({ waiting: { reason: 'CreateContainerConfigError', message: "couldn't find key mode in ConfigMap default/cfg" } });
    const cur = c.api().get(c.registry.resolve('cm')!, 'default', 'cfg');
    c.api().update({ ...cur, data: { mode: 'prod' } });
    c.settle();
    expect(getPod(c, 'app').status.containerStatuses[0].state.running).toBeDefined();
    expect(kubelet(c).containerEnv('default', 'app').MODE).toBe('prod');
  });

  it('resolves value, $(VAR), secretKeyRef, fieldRef, resourceFieldRef and envFrom', () => {
    const c = testCluster();
    c.api().create(cm('app-env', { COLOR: 'blue', SIZE: 'L' }));
    c.api().create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, data: { password: btoa('s3cret') } });
    c.api().create(
      pod('env', {
        nodeName: 'node02',
        containers: [
          {
            name: 'c',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'echo "$GREETING $PASS $POD_NAME $POD_IP $MEM $CFG_COLOR"; sleep 3600'],
            resources: { limits: { memory: '128Mi' } },
            envFrom: [{ configMapRef: { name: 'app-env' }, prefix: 'CFG_' }],
            env: [
              { name: 'NAME', value: 'world' },
              { name: 'GREETING', value: 'hello $(NAME)' },
              { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
              { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
              { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
            ],
          },
        ],
      }),
    );
    c.settle();
    expect(kubelet(c).logs('default', 'env')).toBe('hello world s3cret env 10.244.2.2 128 blue\n');
    const env = kubelet(c).containerEnv('default', 'env');
    expect(env.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
    expect(env.HOSTNAME).toBe('env');
  });

  it('mounts configMap, secret, downwardAPI and emptyDir volumes as files; a missing ConfigMap is FailedMount', () => {
    const c = testCluster();
    c.api().create(
      pod('vol', {
        nodeName: 'node01',
        containers: [
          { name: 'a', image: 'busybox:1.36', command: ['sh', '-c', 'echo from-a > /shared/msg; sleep 3600'], volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg', readOnly: true }, { name: 'shared', mountPath: '/shared' }, { name: 'info', mountPath: '/etc/info' }] },
          { name: 'b', image: 'busybox:1.36', command: ['sleep', '3600'], volumeMounts: [{ name: 'shared', mountPath: '/data' }] },
        ],
        volumes: [
          { name: 'cfg', configMap: { name: 'web-cfg' } },
          { name: 'shared', emptyDir: {} },
          { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
        ],
      }, { labels: { app: 'vol', tier: 'web' } }),
    );
    c.settle();
    expect(containerState(getPod(c, 'vol'))).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(eventsFor(c, 'vol')[0]).toBe('Warning FailedMount MountVolume.SetUp failed for volume "cfg" : configmap "web-cfg" not found');
    c.api().create(cm('web-cfg', { 'app.conf': 'port=8080\n' }));
    c.settle();
    const k = kubelet(c);
    expect(k.exec('default', 'vol', 'a', ['cat', '/etc/cfg/app.conf']).stdout).toBe('port=8080\n');
    expect(k.exec('default', 'vol', 'a', ['cat', '/etc/info/labels']).stdout).toBe('app="vol"\ntier="web"');
    expect(k.exec('default', 'vol', 'b', ['cat', '/data/msg']).stdout).toBe('from-a\n');
    expect(k.exec('default', 'vol', 'a', ['sh', '-c', 'echo x > /etc/cfg/new'])).toMatchObject({ exitCode: 1, stderr: "sh: can't create /etc/cfg/new: Read-only file system\n" });
    expect(k.exec('default', 'vol', 'a', ['cat', '/var/run/secrets/kubernetes.io/serviceaccount/namespace']).stdout).toBe('default');
    expect(k.containerFs('default', 'vol', 'a').list('/etc/cfg')).toEqual(['app.conf']);
    const cur = c.api().get(c.registry.resolve('cm')!, 'default', 'web-cfg');
    c.api().update({ ...cur, data: { 'app.conf': 'port=9090\n' } });
    c.advance(9_000);
    expect(k.exec('default', 'vol', 'a', ['cat', '/etc/cfg/app.conf']).stdout).toBe('port=8080\n');
    c.advance(1_000);
    expect(k.exec('default', 'vol', 'a', ['cat', '/etc/cfg/app.conf']).stdout).toBe('port=9090\n');
  });

  it('init containers run in order before the app (Init:0/1 → Running)', () => {
    const c = testCluster();
    c.api().create(
      pod('init', {
        nodeName: 'node01',
        initContainers: [{ name: 'wait', image: 'busybox:1.36', command: ['sh', '-c', 'echo waiting; sleep 5; echo ok'] }],
        containers: [{ name: 'app', image: 'nginx:1.27' }],
      }),
    );
    c.advance(3_000);
    let p = getPod(c, 'init');
    expect(p.status.phase).toBe('Pending');
    expect(p.status.initContainerStatuses[0].state.running).toBeDefined();
    expect(p.status.containerStatuses[0].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(p.status.conditions.find((x: { type: string }) => x.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [wait]' });
    c.advance(10_000);
    p = getPod(c, 'init');
    expect(p.status.phase).toBe('Running');
    expect(p.status.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(kubelet(c).logs('default', 'init', { container: 'wait' })).toBe('waiting\nok\n');
  });
});
