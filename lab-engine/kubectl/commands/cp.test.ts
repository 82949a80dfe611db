import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../session/session';

describe('kubectl cp', () => {
  let s: Session;
  beforeAll(async () => {
    s = await createSession({ seed: 1 });
    await s.run('kubectl run busybox --image=busybox --restart=Never -- sleep 3600');
    await s.run('kubectl run web --image=nginx:1.27');
    await s.advanceTo(s.nowMs() + 20_000);
  }, 60_000);

  it("copies a file out of a busybox pod with busybox tar's warning (g.state.md's kubectl cp busybox:/etc/passwd)", async () => {
    const r = await s.run('kubectl cp busybox:/etc/passwd ./passwd');
    expect(r).toMatchObject({ stdout: '', stderr: "tar: removing leading '/' from member names\n", exitCode: 0 });
    expect((await s.run('head -1 passwd')).stdout).toBe('root:x:0:0:root:/root:/bin/sh\n');
  });

  it("prints GNU tar's warning for a Debian-based image", async () => {
    const r = await s.run('kubectl cp web:/etc/nginx/nginx.conf nginx.conf');
    expect(r.stderr).toBe("tar: Removing leading `/' from member names\n");
    expect((await s.run('grep -c worker_processes nginx.conf')).stdout).toBe('1\n');
  });

  it('copies a file into a pod, and a relative source path prints nothing', async () => {
    await s.run('echo hello > greeting.txt');
    expect(await s.run('kubectl cp greeting.txt busybox:/tmp/greeting.txt')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect((await s.run('kubectl exec busybox -- cat /tmp/greeting.txt')).stdout).toBe('hello\n');
  });
});
