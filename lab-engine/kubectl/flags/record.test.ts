import { describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';


describe('--record (RecordFlags.ToRecorder, kubectl v1.32.4)', () => {
  it('leaves an existing change-cause alone unless --record is given', async () => {
    const h = new FakeHost();
    await h.run('create deployment web --image=nginx:1.27');
    await h.run('annotate deploy web kubernetes.io/change-cause=first');
    await h.run('set image deploy/web nginx=nginx:1.28');
    await h.run('scale deploy web --replicas=2');
    const cause = () => h.cluster.store.peek('deployments.apps', 'default', 'web')?.metadata.annotations?.['kubernetes.io/change-cause'];
    expect(cause()).toBe('first');
    await h.run('set image deploy/web nginx=nginx:1.29 --record');
    expect(cause()).toBe('kubectl set image deploy/web nginx=nginx:1.29 --record=true');
  });
});
