import { describe, expect, it } from 'vitest';
import { createSession, type Session } from './session';
import { replay } from './replay';

/**
 * `kubectl run -it` / `kubectl attach` through a whole session: the pod's shell
 * stays Running while attached, the terminal enters it, `exit` ends the
 * container's main process, and kubectl prints what v1.32 prints (run.go,
 * attach.go) in the order a terminal shows it.
 */
async function session(): Promise<{ s: Session; screen: () => string }> {
  const s = await createSession({ seed: 3 });
  let shown = '';
  s.onOutput = (chunk) => (shown += chunk);
  return {
    s,
    screen: () => {
      const out = shown;
      shown = '';
      return out;
    },
  };
}

const phase = (s: Session, name: string) => (s.cluster.store.peek('pods', 'default', name)?.status as { phase?: string } | undefined)?.phase;

describe('attached sessions (kubectl run -it, attach)', () => {
  it('run --rm -it … -- sh: a shell inside the container until exit, then the pod is deleted', async () => {
    const { s, screen } = await session();
    expect(await s.run('kubectl run tmp --rm -it --image=busybox --restart=Never -- sh')).toEqual({ stdout: '', stderr: "If you don't see a command prompt, try pressing enter.\n", exitCode: 0 });
    expect(screen()).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(s.prompt()).toBe('/ # ');
    expect(phase(s, 'tmp')).toBe('Running');
    expect((await s.run('hostname; cd /tmp && echo x > f && ls')).stdout).toBe('tmp\nf\n');
    expect(s.prompt()).toBe('/tmp # ');
    s.cluster.advance(120_000);
    expect(phase(s, 'tmp')).toBe('Running');
    await s.run('exit');
    expect(screen()).toBe('tmp\nf\npod "tmp" deleted\n');
    expect(s.prompt()).toBe('controlplane:~$ ');
    expect((await s.run('echo $?')).stdout).toBe('0\n');
    await s.run('sleep 40');
    expect(phase(s, 'tmp')).toBeUndefined();
    // Auto-mode acts replay too (the lines typed inside the container are ordinary line acts).
    expect((await replay(s.transcript())).stateHash()).toBe(s.stateHash());
  }, 60_000);

  it('the exit status of the shell becomes kubectl run’s (--restart=Never), after the deletion', async () => {
    const { s, screen } = await session();
    await s.run('kubectl run t3 -it --rm --image=busybox:1.28 --restart=Never -- /bin/sh');
    screen();
    await s.run('exit 5');
    expect(screen()).toBe('pod "t3" deleted\npod default/t3 terminated (Error)\n');
    expect((await s.run('echo $?')).stdout).toBe('5\n');
  }, 60_000);

  it('a command that finishes before the attach prints its logs: echo hi, sh -c "exit 3"', async () => {
    const { s } = await session();
    expect(await s.run('kubectl run x --image=busybox -it --rm --restart=Never -- echo hi')).toEqual({ stdout: 'hi\npod "x" deleted\n', stderr: '', exitCode: 0 });
    expect(await s.run("kubectl run y --rm -i --restart=Never --image=busybox -- sh -c 'exit 3'")).toEqual({ stdout: 'pod "y" deleted\n', stderr: 'pod default/y terminated (Error)\n', exitCode: 3 });
  }, 60_000);

  it('restartPolicy Always: "Session ended, resume using …", the shell restarts, kubectl attach -it enters it again', async () => {
    const { s, screen } = await session();
    await s.run('kubectl run t2 -it --image=busybox -- sh');
    await s.run('exit 4');
    screen();
    expect((await s.run('echo $?')).stdout).toBe('0\n');
    await s.run('sleep 2');
    screen();
    const pod = s.cluster.store.peek('pods', 'default', 't2') as { status: { containerStatuses: { restartCount: number; lastState: { terminated?: { exitCode: number } } }[] } };
    expect(pod.status.containerStatuses[0].restartCount).toBe(1);
    expect(pod.status.containerStatuses[0].lastState.terminated?.exitCode).toBe(4);
    await s.run('kubectl attach t2 -c t2 -i -t');
    expect(screen()).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(s.prompt()).toBe('/ # ');
    await s.run('exit');
    expect(screen()).toBe("Session ended, resume using 'kubectl attach t2 -c t2 -i -t' command when the pod is running\n");
  }, 60_000);

  it('kubectl attach without -i streams what the container writes from now on until Ctrl-C', async () => {
    const { s } = await session();
    await s.run("kubectl run w --image=busybox -- sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 2; done'");
    await s.run('sleep 9');
    const r = await s.run('kubectl attach w', { interruptAfterMs: 5_000 });
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(r.stdout.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(r.stdout).not.toContain('tick 1\n');
    expect(await s.run('kubectl attach w -c nope')).toMatchObject({ stderr: 'error: cannot attach to the container: container nope not found in pod w\n', exitCode: 1 });
  }, 60_000);

  it('piped input is the shell’s stdin (no TTY); -q silences the notices', async () => {
    const { s } = await session();
    const r = await s.run("echo 'echo piped; exit 2' | kubectl run p1 -i --rm --image=busybox --restart=Never -- sh");
    expect(r).toEqual({ stdout: 'piped\npod "p1" deleted\n', stderr: "If you don't see a command prompt, try pressing enter.\npod default/p1 terminated (Error)\n", exitCode: 2 });
    const tty = await s.run("echo 'exit' | kubectl run p2 -it --rm --image=busybox --restart=Never -- sh");
    expect(tty.stderr).toBe("Unable to use a TTY - input is not a terminal or the right kind of file\nIf you don't see a command prompt, try pressing enter.\n");
    expect(await s.run('kubectl run q -it --rm -q --image=busybox --restart=Never -- sh')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(s.prompt()).toBe('/ # ');
    expect(await s.run('exit')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  }, 60_000);

  it('in a list the prompt hint still comes before the container prompt; exec -it with piped input has no TTY', async () => {
    const { s, screen } = await session();
    await s.run('kubectl run t --image=busybox -it --rm --restart=Never -- sh; echo after');
    expect(screen()).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(s.prompt()).toBe('/ # ');
    await s.run('exit');
    expect(screen()).toBe('pod "t" deleted\nafter\n');
    await s.run('kubectl run b --image=busybox --restart=Never --command -- sleep 3600');
    await s.run('sleep 8');
    expect(await s.run("echo 'echo from-pipe; hostname' | kubectl exec -it b -- sh")).toEqual({
      stdout: 'from-pipe\nb\n',
      stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n',
      exitCode: 0,
    });
    expect(await s.run("kubectl exec -it b -- sh -c 'exit 0'; echo rc=$?")).toEqual({ stdout: 'rc=0\n', stderr: '', exitCode: 0 });
  }, 60_000);

  it('interactive mode: the container prompt is announced like a line end, so the terminal takes lines again', async () => {
    const { s } = await session();
    const ends: string[] = [];
    s.onLineEnd = (code) => ends.push(`${code} ${s.prompt()}`);
    await s.start('kubectl run tmp -it --rm --image=busybox --restart=Never -- sh');
    for (let i = 0; i < 40 && ends.length === 0; i++) await s.advanceTo(s.nowMs() + 500);
    expect(ends).toEqual(['0 / # ']);
    expect(s.busy()).toBe(false);
    await s.start('hostname');
    expect(ends).toEqual(['0 / # ', '0 / # ']);
    await s.start('exit');
    for (let i = 0; i < 40 && ends.length < 3; i++) await s.advanceTo(s.nowMs() + 500);
    expect(ends[2]).toBe('0 controlplane:~$ ');
  }, 60_000);

  it('a pod deleted while kubectl waits for its exit code: the watch\'s NotFound', async () => {
    const { s } = await session();
    let shown = '';
    s.onOutput = (chunk) => (shown += chunk);
    let code = -1;
    s.onLineEnd = (c) => (code = c);
    await s.start("kubectl run gone -i --restart=Never --image=busybox -- sh -c 'sleep 30'");
    for (let i = 0; i < 40 && !shown.includes('try pressing enter'); i++) await s.advanceTo(s.nowMs() + 500);
    const api = s.cluster.api();
    api.delete(api.resolve('pods')!, 'default', 'gone', { gracePeriodSeconds: 0 });
    for (let i = 0; i < 40 && code === -1; i++) await s.advanceTo(s.nowMs() + 500);
    expect(shown).toBe("If you don't see a command prompt, try pressing enter.\nError from server (NotFound): pods \"\" not found\n");
    expect(code).toBe(1);
  }, 60_000);

  it('replaying the transcript of an attached session reproduces it (files written inside, exit status, deletion)', async () => {
    const { s } = await session();
    await s.start('kubectl run tmp -it --image=busybox --restart=Never -- sh');
    for (let t = s.nowMs(); s.busy() && s.prompt() !== '/ # '; t += 500) await s.advanceTo(t + 500);
    expect(s.prompt()).toBe('/ # ');
    await s.start('echo kept > /root/note; cat /root/note');
    await s.advanceTo(s.nowMs() + 1500);
    await s.start('exit 7');
    for (let t = s.nowMs(); s.busy(); t += 500) await s.advanceTo(t + 500);
    expect(s.prompt()).toBe('controlplane:~$ ');
    await s.run('echo $?');
    const pod = s.cluster.store.peek('pods', 'default', 'tmp') as { status: { phase: string; containerStatuses: { state: { terminated?: { exitCode: number } } }[] } };
    expect(pod.status.phase).toBe('Failed');
    expect(pod.status.containerStatuses[0].state.terminated?.exitCode).toBe(7);
    const again = await replay(s.transcript());
    expect(again.stateHash()).toBe(s.stateHash());
    expect(again.prompt()).toBe('controlplane:~$ ');
  }, 60_000);
});
