import { describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';

async function cluster(): Promise<FakeHost> {
  const h = new FakeHost({ topology: 'default' } as never);
  (h.cluster as unknown as { settle(): void }).settle();
  return h;
}

describe('rollout, wait, events on a running cluster', () => {
  it('rollout status streams until the deployment is rolled out; history lists revisions', async () => {
    const h = await cluster();
    await h.run('kubectl create deployment web --image=nginx:1.25 --replicas=2');
    const r = await h.run('kubectl rollout status deployment/web');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).pop()).toBe('deployment "web" successfully rolled out');
    expect(r.stdout).toMatch(/^Waiting for deployment (spec update to be observed|"web" rollout to finish: )/);
    await h.run('kubectl set image deploy/web nginx=nginx:1.26');
    await h.run('kubectl rollout status deploy/web');
    expect((await h.run('kubectl rollout history deployment/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect((await h.run('kubectl rollout undo deployment/web --to-revision=9'))).toEqual({ stdout: '', stderr: 'error: unable to find specified revision 9 in history\n', code: 1 });
    expect((await h.run('kubectl rollout pause deployment/web')).stdout).toBe('deployment.apps/web paused\n');
    expect(await h.run('kubectl rollout pause deployment/web')).toEqual({ stdout: '', stderr: 'error: deployments.apps "web" is already paused\n', code: 1 });
    expect((await h.run('kubectl rollout resume deployment/web')).stdout).toBe('deployment.apps/web resumed\n');
    expect(await h.run('kubectl rollout status pod/x')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "x" not found\n', code: 1 });
  });

  it('rollout history --revision prints the template with raw tabs', async () => {
    const h = await cluster();
    await h.run('kubectl create deployment web --image=nginx:1.25');
    (h.cluster as unknown as { settle(): void }).settle();
    const r = await h.run('kubectl rollout history deployment/web --revision=1');
    expect(r.stdout).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=[a-z0-9]+\n  Containers:\n   nginx:\n    Image:\tnginx:1\.25\n/);
    expect(r.stdout.endsWith('  Tolerations:\t<none>\n\n')).toBe(true);
  });

  it('wait: condition met, timeout message, delete of a missing object', async () => {
    const h = await cluster();
    await h.run('kubectl run p --image=nginx');
    expect(await h.run('kubectl wait --for=condition=Ready pod/p --timeout=60s')).toEqual({ stdout: 'pod/p condition met\n', stderr: '', code: 0 });
    expect(await h.run("kubectl wait --for=jsonpath={.status.phase}=Running pod/p")).toEqual({ stdout: 'pod/p condition met\n', stderr: '', code: 0 });
    expect(await h.run('kubectl wait --for=condition=Foo pod/p --timeout=3s')).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on pods/p\n', code: 1 });
    expect(await h.run('kubectl wait --for=delete pod/nosuch --timeout=2s')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await h.run('kubectl wait --for=bogus pod/p')).toEqual({ stdout: '', stderr: 'error: unrecognized condition: "bogus"\n', code: 1 });
  });

  it('events: sorted, Kind/name, --for filter, errors', async () => {
    const h = await cluster();
    await h.run('kubectl run p --image=nginx');
    (h.cluster as unknown as { settle(): void }).settle();
    const r = await h.run('kubectl events --for pod/p');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(lines[1]).toMatch(/^\S+\s+Normal\s+Scheduled\s+Pod\/p\s+Successfully assigned default\/p to node0[12]$/);
    expect(await h.run('kubectl events --for p')).toEqual({ stdout: '', stderr: 'error: --for must be in resource/name form\n', code: 1 });
    expect(await h.run('kubectl events -n empty')).toEqual({ stdout: '', stderr: 'No events found in empty namespace.\n', code: 0 });
  });
});
