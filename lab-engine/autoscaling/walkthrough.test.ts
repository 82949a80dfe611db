import { describe, expect, it } from 'vitest';
import { createSession } from '../session/session';
import { replay } from '../session/replay';

/** k8s.io/examples/application/php-apache.yaml, as the HPA walkthrough applies it. */
const PHP_APACHE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels:
    run: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
`;

/**
 * The Kubernetes HPA walkthrough (website: tasks/run-application/
 * horizontal-pod-autoscale-walkthrough) with its own commands, on the virtual
 * clock. Upstream documents: utilization far above the 50% target within a
 * minute of starting the load generator, the Deployment "resized to 7
 * replicas", utilization back near target, and after the load generator is
 * stopped the replicas return to 1 once the 5-minute scale-down window passes.
 */
describe('HPA walkthrough (php-apache)', () => {
  it('scales 1 → 7 under the busybox wget loop and back to 1 after the stabilization window', async () => {
    const s = await createSession({ seed: 1 });
    await s.saveFile('/root/php-apache.yaml', PHP_APACHE);
    expect((await s.run('kubectl apply -f php-apache.yaml')).stdout).toBe('deployment.apps/php-apache created\nservice/php-apache created\n');
    expect((await s.run('kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10')).stdout).toBe('horizontalpodautoscaler.autoscaling/php-apache autoscaled\n');
    await s.run('sleep 30');
    expect((await s.run('kubectl get hpa php-apache --no-headers')).stdout).toMatch(/^php-apache\s+Deployment\/php-apache\s+cpu: [0-4]%\/50%\s+1\s+10\s+1\s/);

    const replicas = () => s.cluster.store.peek('deployments.apps', 'default', 'php-apache')!.spec.replicas as number;
    const utilization = () => s.cluster.store.peek('horizontalpodautoscalers.autoscaling', 'default', 'php-apache')!.status?.currentMetrics?.[0]?.resource.current.averageUtilization as number;
    const run = await s.run('kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"');
    expect(run.stdout).toBe('pod/load-generator created\n');

    const during: number[] = [];
    const peaks: number[] = [];
    for (let t = 15; t <= 300; t += 15) {
      await s.run('sleep 15');
      during.push(replicas());
      if (replicas() === 1) peaks.push(utilization());
    }
    // Within a minute the autoscaler has added replicas; it settles at the walkthrough's 7.
    expect(during.slice(0, 4).some((r) => r > 1)).toBe(true);
    expect(during.at(-1)).toBe(7);
    expect(during.slice(8).every((r) => r === 7)).toBe(true);
    // One pod is throttled at its 500m limit: never above 250% of its 200m request.
    expect(Math.max(...peaks)).toBeLessThanOrEqual(250);
    expect(utilization()).toBeGreaterThanOrEqual(45); // within the 10% tolerance of 50%
    expect(utilization()).toBeLessThanOrEqual(55);
    // Requests reached the servers: the load generator prints "OK!" per response (16 KiB CRI partial entries).
    expect((await s.run('kubectl logs load-generator')).stdout).toMatch(/^(OK!)+O?K?$/);
    expect((await s.run('kubectl top pod --no-headers')).stdout.split('\n').filter((l) => l.startsWith('php-apache-'))).toHaveLength(7);

    expect((await s.run('kubectl delete pod load-generator')).stdout).toBe('pod "load-generator" deleted\n');
    const after: number[] = [];
    for (let t = 15; t <= 360; t += 15) {
      await s.run('sleep 15');
      after.push(replicas());
    }
    // The scale-down stabilization window (300 s) keeps the replicas, then one step to 1.
    expect(after.slice(0, 16).every((r) => r === 7)).toBe(true);
    expect(after.at(-1)).toBe(1);
    const events = (await s.run('kubectl get events --field-selector involvedObject.kind=HorizontalPodAutoscaler -o jsonpath={.items[*].message}')).stdout;
    expect(events).toContain('New size: 7; reason: cpu resource utilization (percentage of request) above target');
    expect(events).toContain('New size: 1; reason: All metrics below target');
  }, 120_000);

  it('kubectl get hpa --watch prints a row per change of TARGETS or REPLICAS', async () => {
    const s = await createSession({ seed: 2 });
    await s.saveFile('/root/php-apache.yaml', PHP_APACHE);
    await s.run('kubectl apply -f php-apache.yaml');
    await s.run('kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10');
    await s.run('sleep 20');
    await s.run('kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"');
    const out = (await s.run('kubectl get hpa php-apache --watch', { interruptAfterMs: 90_000 })).stdout.split('\n').filter(Boolean);
    expect(out[0]).toMatch(/^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE$/);
    // The first row is upstream's `cpu: <unknown>/50%` (no metrics computed yet).
    expect(out[1]).toMatch(/^php-apache\s+Deployment\/php-apache\s+cpu: <unknown>\/50%\s+1\s+10\s+1\s/);
    const targets = out.slice(2).map((l) => Number(/cpu: (\d+)%\/50%/.exec(l)?.[1]));
    const counts = out.slice(1).map((l) => Number(l.trim().split(/\s+/)[5]));
    expect(Math.max(...targets)).toBeGreaterThan(100);
    expect(Math.max(...counts)).toBeGreaterThan(1);
  }, 60_000);

  it('the walkthrough as typed: run -i --tty load-generator --rm, then "stop the load by typing <Ctrl> + C"', async () => {
    const s = await createSession({ seed: 3 });
    let shown = '';
    let ended: number | undefined;
    s.onOutput = (chunk) => (shown += chunk);
    s.onLineEnd = (code) => (ended = code);
    await s.saveFile('/root/php-apache.yaml', PHP_APACHE);
    await s.run('kubectl apply -f php-apache.yaml');
    await s.run('kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10');
    await s.run('sleep 30');
    shown = '';
    ended = undefined;
    const replicas = () => s.cluster.store.peek('deployments.apps', 'default', 'php-apache')!.spec.replicas as number;
    await s.start('kubectl run -i --tty load-generator --rm --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"');
    for (let i = 0; i < 240; i++) await s.advanceTo(s.nowMs() + 500); // two minutes of load
    expect(shown).toMatch(/^If you don't see a command prompt, try pressing enter\.\n(OK!)+$/);
    expect(replicas()).toBeGreaterThan(1);
    shown = '';
    await s.interrupt();
    for (let i = 0; i < 40 && ended === undefined; i++) await s.advanceTo(s.nowMs() + 500);
    // The container's TTY echoes ^C, the sh loop dies (130), --rm deletes the pod, kubectl exits with 130.
    expect(shown).toMatch(/^(OK!)*\^Cpod "load-generator" deleted\npod default\/load-generator terminated \(Error\)\n$/);
    expect(ended).toBe(130);
    const peak = replicas();
    for (let i = 0; i < 24; i++) await s.advanceTo(s.nowMs() + 15_000);
    expect(s.cluster.store.peek('pods', 'default', 'load-generator')).toBeUndefined();
    // The scale-down window (300 s) passed without load: back to 1.
    expect(peak).toBeGreaterThan(1);
    expect(replicas()).toBe(1);
    // The Ctrl-C is an interrupt act: the replay reaches the same state.
    expect(s.transcript().acts.filter((a) => a.kind === 'interrupt')).toHaveLength(1);
    expect((await replay(s.transcript())).stateHash()).toBe(s.stateHash());
  }, 120_000);
});
