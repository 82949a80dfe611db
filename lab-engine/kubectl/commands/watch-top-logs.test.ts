import { describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';
import { seedObjects } from '../testing-fixtures';
import { tableFixture } from '../testdata/table-fixture';
import { METRICS_SERVICE, type MetricsService } from '../printers/metrics-port';

describe('get -w', () => {
  it('prints the table, then one row per change with remembered widths, until Ctrl-C (exit 130)', async () => {
    const h = new FakeHost();
    const now = h.cluster.clock.nowMs();
    seedObjects(h.cluster, tableFixture(now).filter((o) => o.kind === 'Pod' && o.metadata.name === 'crashy'));
    h.interruptAfterMs = 3000;
    const pending = h.run('kubectl get pods -w');
    // A change made while the watch runs (the FakeHost advances the cluster on sleep).
    const changed = tableFixture(now).find((o) => o.metadata.name === 'crashy')!;
    changed.metadata.labels = { run: 'crashy', x: 'y' };
    seedObjects(h.cluster, [changed]);
    const r = await pending;
    expect(r.code).toBe(130);
    expect(r.stdout).toBe(
      'NAME     READY   STATUS             RESTARTS       AGE\n' +
      'crashy   0/1     CrashLoopBackOff   5 (5m1s ago)   15m\n' +
      // one virtual second later
      'crashy   0/1     CrashLoopBackOff   5 (5m2s ago)   15m\n');
  });
});

describe('top', () => {
  const metrics: MetricsService = {
    podMetrics: () => [
      { namespace: 'default', name: 'web-7c5ddbdf54-abcde', containers: [{ name: 'nginx', usage: { cpu: '1234567n', memory: '3456Ki' } }] },
      { namespace: 'default', name: 'web-7c5ddbdf54-fghij', containers: [{ name: 'nginx', usage: { cpu: '0', memory: '2200Ki' } }] },
    ],
    nodeMetrics: () => [],
  };

  it('prints pods with tab-terminated cells (trailing blanks), CPU rounded up, memory in Mi', async () => {
    const h = new FakeHost();
    h.cluster.services.set(METRICS_SERVICE, metrics);
    // Recorded: kubectl-fidelity.md §7.2.5 `kubectl top pods` / `--containers`.
    expect((await h.run('kubectl top pods')).stdout).toBe(
      'NAME                   CPU(cores)   MEMORY(bytes)   \n' +
      'web-7c5ddbdf54-abcde   2m           3Mi             \n' +
      'web-7c5ddbdf54-fghij   0m           2Mi             \n');
    expect((await h.run('kubectl top pod web-7c5ddbdf54-abcde --containers')).stdout).toBe(
      'POD                    NAME    CPU(cores)   MEMORY(bytes)   \n' +
      'web-7c5ddbdf54-abcde   nginx   2m           3Mi             \n');
  });

  it('without metrics', async () => {
    expect(await new FakeHost().run('kubectl top pods')).toEqual({ stdout: '', stderr: 'error: Metrics API not available\n', code: 1 });
  });
});

describe('logs', () => {
  it('usage error without a pod', async () => {
    expect(await new FakeHost().run('kubectl logs')).toEqual({
      stdout: '',
      stderr: "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
      code: 1,
    });
  });
  it('NotFound for a missing pod (recorded from kubectl v1.32.4)', async () => {
    expect(await new FakeHost().run('kubectl logs nosuch')).toEqual({ stdout: '', stderr: 'error: error from server (NotFound): pods "nosuch" not found in namespace "default"\n', code: 1 });
  });
});
