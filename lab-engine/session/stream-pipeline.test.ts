import { describe, expect, it } from 'vitest';
import { createSession, type Session } from './session';
import { replay } from './replay';

/**
 * `kubectl get pods -w | grep web`, `kubectl logs -f x | grep ERROR`: the
 * right side prints as the left side streams on the virtual clock; Ctrl-C
 * ends every stage (bash sends SIGINT to the whole job).
 */
function deployment(s: Session): void {
  s.cluster.api().create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  });
}

describe('streaming pipelines in the terminal', () => {
  it('get -w | grep prints matching rows as they happen, until Ctrl-C', async () => {
    const s = await createSession({ seed: 5 });
    let shown = '';
    s.onOutput = (chunk) => (shown += chunk);
    await s.run('kubectl run other --image=busybox -- sleep 3600');
    await s.run('kubectl create deploy web --image=nginx --replicas=2', { interruptAfterMs: 0 });
    shown = '';
    await s.start('kubectl get pods -w | grep -v other');
    await s.advanceTo(s.nowMs() + 1000);
    const firstRows = shown.split('\n').filter((l) => l.startsWith('web-'));
    expect(firstRows.length).toBeGreaterThanOrEqual(2);
    expect(s.busy()).toBe(true);
    await s.advanceTo(s.nowMs() + 20_000);
    expect(shown.split('\n').filter((l) => /^web-\S+\s+1\/1\s+Running/.test(l))).toHaveLength(2);
    let code = -1;
    s.onLineEnd = (c) => (code = c);
    await s.interrupt();
    expect(code).toBe(130);
    expect(s.busy()).toBe(false);
    expect((await s.run('echo $?')).stdout).toBe('130\n');
    const again = await replay(s.transcript());
    expect(again.stateHash()).toBe(s.stateHash());
  }, 60_000);

  it('filters that wait for end-of-file print nothing on Ctrl-C (get -w | wc -l)', async () => {
    const s = await createSession({ seed: 5 });
    deployment(s);
    const r = await s.run('kubectl get pods -w | wc -l', { interruptAfterMs: 10_000 });
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 130 });
  }, 60_000);

  it('logs -f | grep ends with the container; the rest sees end-of-file (exit status of the last stage)', async () => {
    const s = await createSession({ seed: 5 });
    await s.run("kubectl run c --image=busybox --restart=Never -- sh -c 'for i in 1 2 3; do echo INFO $i; echo ERROR $i; sleep 2; done'");
    await s.run('sleep 3');
    let shown = '';
    s.onOutput = (chunk) => (shown += chunk);
    await s.start('kubectl logs -f c | grep ERROR');
    const before = shown;
    expect(before).toMatch(/^ERROR 1\n/);
    expect(before).not.toContain('ERROR 3');
    for (let i = 0; i < 20 && s.busy(); i++) await s.advanceTo(s.nowMs() + 1000);
    expect(s.busy()).toBe(false);
    expect(shown).toBe('ERROR 1\nERROR 2\nERROR 3\n');
    expect(await s.run('kubectl logs -f c | wc -l')).toEqual({ stdout: '6\n', stderr: '', exitCode: 0 });
    expect(await s.run('kubectl logs -f c | grep NOPE')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
  }, 60_000);

  it('errors of the left side go to the terminal at once; aliases work (k get po -w | …)', async () => {
    const s = await createSession({ seed: 5 });
    const missing = await s.run('kubectl logs -f nope | grep x');
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^(Error from server|error: error from server) \(NotFound\): pods "nope" not found/);
    expect(missing.exitCode).toBe(1);
    deployment(s);
    const r = await s.run("k get po -w | awk '{print $1}' | grep web", { interruptAfterMs: 5_000 });
    expect(r.exitCode).toBe(130);
    expect(r.stdout.split('\n').filter(Boolean).every((l) => l.startsWith('web-'))).toBe(true);
  }, 60_000);

  it('a last `head -n N` ends the line once it printed N lines (the left side dies of SIGPIPE)', async () => {
    const s = await createSession({ seed: 5 });
    deployment(s);
    const t0 = s.nowMs();
    const r = await s.run('kubectl get pods -w | grep web | head -2', { interruptAfterMs: 60_000 });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(s.nowMs() - t0).toBeLessThan(60_000);
    expect(s.busy()).toBe(false);
  }, 60_000);
});
