import { describe, expect, it } from 'vitest';
import { eventsFor, getPod, pod, testCluster } from './testing';

/** kuberuntime computePodActions: a pod's container whose image is updated is killed and started again. */
describe('kubelet: pod image updates (kubectl set image pod/x)', () => {
  const setImage = (c: ReturnType<typeof testCluster>, name: string, image: string) => {
    const api = c.api();
    const def = api.resolve('pods')!;
    const p = api.get(def, 'default', name);
    p.spec.containers[0].image = image;
    api.update(p);
  };

  it('restarts a running container with the new image, whatever the restart policy', () => {
    const c = testCluster();
    c.api().create(pod('nginx', { restartPolicy: 'Never', containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }], nodeName: 'node01' }));
    c.settle();
    setImage(c, 'nginx', 'nginx:1.7.1');
    c.advance(60_000);
    const p = getPod(c, 'nginx');
    // eventsFor aggregates repeats as a `(xN)` suffix, as kubectl describe does.
    expect(eventsFor(c, 'nginx')).toEqual([
      'Normal Pulling Pulling image "nginx"',
      'Normal Pulled Successfully pulled image "nginx" in 2.765s (2.765s including waiting). Image size: 72099410 bytes.',
      'Normal Created Created container: nginx (x2)',
      'Normal Started Started container nginx (x2)',
      'Normal Killing Container nginx definition changed, will be restarted',
      'Normal Pulling Pulling image "nginx:1.7.1"',
      'Normal Pulled Successfully pulled image "nginx:1.7.1" in 2.765s (2.765s including waiting). Image size: 72099410 bytes.',
    ]);
    const cs = p.status.containerStatuses[0];
    expect(cs).toMatchObject({ restartCount: 1, image: 'docker.io/library/nginx:1.7.1', ready: true });
    expect(cs.lastState.terminated).toMatchObject({ reason: 'Completed', exitCode: 0 });
    expect(p.status.phase).toBe('Running');
  });

  it('a container stuck in ImagePullBackOff starts as soon as the image is fixed', () => {
    const c = testCluster();
    c.api().create(pod('bad', { containers: [{ name: 'app', image: 'nginx:1.91' }], nodeName: 'node01' }));
    c.advance(120_000);
    expect(getPod(c, 'bad').status.containerStatuses[0].state.waiting.reason).toMatch(/ImagePullBackOff|ErrImagePull/);
    setImage(c, 'bad', 'nginx:1.27');
    c.advance(5_000);
    const cs = getPod(c, 'bad').status.containerStatuses[0];
    expect(cs.state.running).toBeDefined();
    expect(cs.restartCount).toBe(0);
  });
});
