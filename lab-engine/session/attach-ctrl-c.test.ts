import { describe, expect, it } from 'vitest';
import { createSession, type Session } from './session';
import { replay } from './replay';

/**
 * Ctrl-C inside attached sessions, as kubectl v1.32's terminal handling decides it
 * (attach.go/exec.go t.Safe, kubectl/pkg/util/term, kubectl/pkg/util/interrupt):
 * - -it on a terminal: raw mode, the key reaches the container's TTY (SIGINT to its main process);
 * - -i on a terminal, and run's waits: kubectl's interrupt handler exits 1, --rm's defer does not run;
 * - no -i or piped input: SIGINT kills kubectl (130).
 */
interface Live {
  s: Session;
  shown: () => string;
  code: () => number | undefined;
  until: (pred: () => boolean, stepMs?: number) => Promise<void>;
}

async function live(): Promise<Live> {
  const s = await createSession({ seed: 11 });
  let out = '';
  let last: number | undefined;
  s.onOutput = (chunk) => (out += chunk);
  s.onLineEnd = (c) => (last = c);
  return {
    s,
    shown: () => {
      const o = out;
      out = '';
      return o;
    },
    code: () => {
      const c = last;
      last = undefined;
      return c;
    },
    until: async (pred, stepMs = 500) => {
      let ok = pred();
      for (let i = 0; i < 400 && !ok; i++) {
        await s.advanceTo(s.nowMs() + stepMs);
        ok = pred();
      }
      expect(ok).toBe(true);
    },
  };
}

const pod = (s: Session, name: string) => s.cluster.store.peek('pods', 'default', name) as { status: { phase: string; containerStatuses: { restartCount: number; lastState: { terminated?: { exitCode: number } }; state: { terminated?: { exitCode: number } } }[] } } | undefined;
const LOOP = `sh -c 'while true; do echo tick; sleep 1; done'`;
const HINT = "If you don't see a command prompt, try pressing enter.\n";

describe('Ctrl-C in attached sessions', () => {
  it('run -it --rm --restart=Never on a sh -c loop: the loop dies (130), the pod is deleted, kubectl exits 130; the replay agrees', async () => {
    const t = await live();
    let ended: number | undefined;
    t.s.onLineEnd = (c) => (ended = c);
    await t.s.start(`kubectl run -i --tty lg --rm --image=busybox:1.28 --restart=Never -- ${LOOP}`);
    await t.until(() => t.shown().includes(HINT));
    await t.s.advanceTo(t.s.nowMs() + 3_500);
    expect(t.shown()).toMatch(/^(tick\n)+$/);
    expect(t.s.busy()).toBe(true);
    await t.s.interrupt();
    expect(t.s.busy()).toBe(true); // kubectl is still attached: the key went to the container
    await t.until(() => ended !== undefined);
    expect(t.shown()).toBe('^Cpod "lg" deleted\npod default/lg terminated (Error)\n');
    expect(ended).toBe(130);
    expect((await t.s.run('echo $?')).stdout).toBe('130\n');
    await t.s.run('sleep 35');
    expect(pod(t.s, 'lg')).toBeUndefined();
    const again = await replay(t.s.transcript());
    expect(again.stateHash()).toBe(t.s.stateHash());
  }, 60_000);

  it('auto mode presses Ctrl-C after interruptAfterMs: the same ending, stdout then stderr', async () => {
    const s = await createSession({ seed: 12 });
    const r = await s.run(`kubectl run lg -it --rm --image=busybox --restart=Never -- ${LOOP}`, { interruptAfterMs: 4_000 });
    expect(r.exitCode).toBe(130);
    expect(r.stdout).toMatch(/^(tick\n)+\^Cpod "lg" deleted\n$/);
    expect(r.stderr).toBe(`${HINT}pod default/lg terminated (Error)\n`);
    expect((await replay(s.transcript())).stateHash()).toBe(s.stateHash());
  }, 60_000);

  it('restartPolicy Always: the container ends of SIGINT and restarts; "Session ended, resume using …", exit 0', async () => {
    const s = await createSession({ seed: 13 });
    const r = await s.run(`kubectl run lp -it --image=busybox -- ${LOOP}`, { interruptAfterMs: 3_000 });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^(tick\n)+\^CSession ended, resume using 'kubectl attach lp -c lp -i -t' command when the pod is running\n$/);
    await s.run('sleep 5');
    const p = pod(s, 'lp')!;
    expect(p.status.containerStatuses[0].restartCount).toBe(1);
    expect(p.status.containerStatuses[0].lastState.terminated?.exitCode).toBe(130);
  }, 60_000);

  it('kubectl attach -it to a TTY container sends Ctrl-C to it too', async () => {
    const t = await live();
    const api = t.s.cluster.api();
    const spec = { restartPolicy: 'Never', containers: [{ name: 'at2', image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 1; done'], stdin: true, tty: true }] };
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'at2', namespace: 'default' }, spec });
    await t.s.run('sleep 5');
    expect(pod(t.s, 'at2')?.status.phase).toBe('Running');
    t.shown();
    const r = await t.s.run('kubectl attach at2 -it', { interruptAfterMs: 2_500 });
    expect(r.stderr).toBe(HINT);
    expect(r.exitCode).toBe(0);
    expect(pod(t.s, 'at2')?.status.phase).toBe('Failed');
    expect(pod(t.s, 'at2')?.status.containerStatuses[0].state.terminated?.exitCode).toBe(130);
  }, 60_000);

  it('PID 1 without a SIGINT handler (sleep) ignores it; auto mode then drops the attachment, the pod keeps running', async () => {
    const t = await live();
    await t.s.start('kubectl run sl -it --rm --image=busybox --restart=Never -- sleep 1000');
    await t.until(() => t.shown().includes(HINT));
    await t.s.interrupt();
    await t.s.advanceTo(t.s.nowMs() + 5_000);
    expect(t.s.busy()).toBe(true);
    expect(pod(t.s, 'sl')?.status.phase).toBe('Running');
    const s = await createSession({ seed: 14 });
    const r = await s.run('kubectl run sl -it --rm --image=busybox --restart=Never -- sleep 1000', { interruptAfterMs: 3_000 });
    expect(r).toEqual({ stdout: '^C', stderr: HINT, exitCode: 130 });
    expect(pod(s, 'sl')?.status.phase).toBe('Running');
  }, 60_000);

  it('-i without -t from a terminal: kubectl’s interrupt handler exits 1, --rm does not run, the pod keeps running', async () => {
    const t = await live();
    await t.s.start(`kubectl run ni -i --rm --image=busybox --restart=Never -- ${LOOP}`);
    await t.until(() => t.shown().includes(HINT));
    await t.s.advanceTo(t.s.nowMs() + 2_500);
    await t.s.interrupt();
    expect(t.s.busy()).toBe(false);
    expect(t.code()).toBe(1);
    expect(t.shown()).toMatch(/^(tick\n)*$/);
    expect((await t.s.run('echo $?')).stdout).toBe('1\n');
    await t.s.run('sleep 10');
    expect(pod(t.s, 'ni')?.status.phase).toBe('Running');
    expect((await replay(t.s.transcript())).stateHash()).toBe(t.s.stateHash());
  }, 60_000);

  it('Ctrl-C while run -it waits for the pod to start: exit 1, nothing printed, the pod stays', async () => {
    const t = await live();
    await t.s.start('kubectl run wt -it --rm --image=busybox:no-such-tag --restart=Never -- sh');
    await t.s.advanceTo(t.s.nowMs() + 3_000);
    expect(t.s.busy()).toBe(true);
    await t.s.interrupt();
    expect(t.s.busy()).toBe(false);
    expect(t.code()).toBe(1);
    expect(t.shown()).toBe('');
    expect(pod(t.s, 'wt')).toBeDefined();
    expect((await replay(t.s.transcript())).stateHash()).toBe(t.s.stateHash());
  }, 60_000);

  it('piped input reaches a main process that reads stdin (cat), then end-of-file', async () => {
    const s = await createSession({ seed: 15 });
    expect(await s.run('echo x | kubectl run -i --rm t --image=busybox --restart=Never -- cat')).toEqual({ stdout: 'x\npod "t" deleted\n', stderr: HINT, exitCode: 0 });
  }, 60_000);

  it('kubectl attach without -i: Ctrl-C is SIGINT for kubectl (130), the container goes on', async () => {
    const s = await createSession({ seed: 16 });
    await s.run(`kubectl run bg --image=busybox -- ${LOOP}`);
    await s.run('sleep 5');
    const r = await s.run('kubectl attach bg', { interruptAfterMs: 3_000 });
    expect(r.exitCode).toBe(130);
    expect(pod(s, 'bg')?.status.phase).toBe('Running');
  }, 60_000);

  it('inside an attached shell Ctrl-C stops the foreground command and returns to the container prompt', async () => {
    const t = await live();
    await t.s.start('kubectl run sh1 -it --rm --image=busybox --restart=Never -- sh');
    await t.until(() => t.s.prompt() === '/ # ');
    for (const line of ['sleep 100', 'while true; do echo x; sleep 1; done', 'ping -c 100 10.0.0.1']) {
      await t.s.start(line);
      await t.s.advanceTo(t.s.nowMs() + 2_500);
      expect(t.s.busy()).toBe(true);
      await t.s.interrupt();
      expect(t.s.busy()).toBe(false);
      expect(t.s.prompt()).toBe('/ # ');
      expect(t.code()).toBe(130);
    }
    expect(pod(t.s, 'sh1')?.status.phase).toBe('Running');
    await t.s.start('exit');
    await t.until(() => t.s.prompt() === 'controlplane:~$ ' && !t.s.busy());
    expect((await replay(t.s.transcript())).stateHash()).toBe(t.s.stateHash());
  }, 60_000);

  it('exec: -it sends Ctrl-C to the command (130, "command terminated…", what it wrote before); -i exits 1; no -i is SIGINT for kubectl', async () => {
    const t = await live();
    await t.s.run('kubectl run b --image=busybox --restart=Never --command -- sleep 3600');
    await t.s.run('sleep 8');
    t.shown();
    const press = async (line: string, afterMs: number) => {
      await t.s.start(line);
      await t.s.advanceTo(t.s.nowMs() + afterMs);
      expect(t.s.busy()).toBe(true);
      await t.s.interrupt();
      expect(t.s.busy()).toBe(false);
      return { shown: t.shown(), code: t.code() };
    };
    expect(await press('kubectl exec -it b -- sleep 1000', 3_000)).toEqual({ shown: '^Ccommand terminated with exit code 130\n', code: 130 });
    expect(await press(`kubectl exec -it b -- sh -c 'for i in 1 2 3 4 5 6; do echo $i; sleep 1; done'`, 2_500)).toEqual({ shown: '1\n2\n3\n^Ccommand terminated with exit code 130\n', code: 130 });
    expect(await press('kubectl exec -i b -- sleep 1000', 3_000)).toEqual({ shown: '', code: 1 });
    expect(await press(`kubectl exec b -- sh -c 'echo a; sleep 100'`, 3_000)).toEqual({ shown: 'a\n', code: 130 });
    expect(pod(t.s, 'b')?.status.phase).toBe('Running');
    expect((await replay(t.s.transcript())).stateHash()).toBe(t.s.stateHash());
    // Auto mode: finite commands run up to the 10-minute cap, then get Ctrl-C through the TTY.
    expect(await t.s.run('kubectl exec -it b -- sleep 5000')).toEqual({ stdout: '^C', stderr: 'command terminated with exit code 130\n', exitCode: 130 });
  }, 60_000);
});
