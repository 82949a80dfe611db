import { describe, expect, it } from 'vitest';
import { bareCluster, finishPod } from '../testing/fixture';
import { R } from '../common/kinds';
import type { Cluster } from '../../sim/cluster';
import { jobFromCronJob } from './job-from-cronjob';
import { rfc1123z, rfc3339InZone } from './schedule';

const cronJob = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'hello', namespace: 'default' },
  spec: {
    schedule: '*/5 * * * *',
    jobTemplate: { metadata: { labels: { team: 'a' } }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } },
    ...spec,
  },
});
const jobs = (c: Cluster) => c.store.peekList(R.jobs, 'default').map((j) => j.metadata.name);
const cj = (c: Cluster) => c.store.peek(R.cronJobs, 'default', 'hello')!;
const cjEvents = (c: Cluster) =>
  c.store.peekList('events', 'default').filter((e) => e.involvedObject.kind === 'CronJob').sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1)).map((e) => `${e.reason} ${e.message}`);

function completeAll(c: Cluster) {
  for (const p of c.store.peekList(R.pods, 'default')) if (!p.status?.phase || p.status.phase === 'Pending') finishPod(c, p, 'Succeeded');
  c.step();
}

describe('CronJob controller', () => {
  it('creates <cj>-<minutes since epoch> at each activation on the virtual clock', () => {
    const c = bareCluster();
    c.api().create(cronJob());
    c.settle();
    expect(jobs(c)).toEqual([]);
    c.advance(5 * 60_000 + 100);
    const scheduled = Date.UTC(2026, 0, 5, 9, 5, 0);
    const name = `hello-${scheduled / 60_000}`;
    expect(jobs(c)).toEqual([name]);
    const job = c.store.peek(R.jobs, 'default', name)!;
    expect(job.metadata.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-05T09:05:00Z');
    expect(job.metadata.labels!.team).toBe('a');
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj(c).metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(cj(c).status.lastScheduleTime).toBe('2026-01-05T09:05:00Z');
    expect(cj(c).status.active).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name, namespace: 'default', resourceVersion: expect.any(String), uid: job.metadata.uid }]);
    completeAll(c);
    c.settle();
    expect(cj(c).status.active).toBeUndefined();
    expect(cj(c).status.lastSuccessfulTime).toBe(c.clock.nowRfc3339());
    expect(cjEvents(c)).toEqual([`SuccessfulCreate Created job ${name}`, `SawCompletedJob Saw completed job: ${name}, condition: Complete`]);
  });

  it('keeps successfulJobsHistoryLimit finished jobs', () => {
    const c = bareCluster();
    c.api().create(cronJob({ schedule: '* * * * *', successfulJobsHistoryLimit: 2 }));
    for (let i = 0; i < 4; i++) {
      c.advance(60_000 + (i === 0 ? 100 : 0));
      completeAll(c);
      c.settle();
    }
    expect(jobs(c).length).toBe(2);
    expect(cjEvents(c).filter((e) => e.startsWith('SuccessfulDelete')).length).toBe(2);
  });

  it('Forbid skips while a job runs; Replace deletes it', () => {
    const c = bareCluster();
    c.api().create(cronJob({ schedule: '* * * * *', concurrencyPolicy: 'Forbid' }));
    c.advance(60_100);
    c.advance(60_000);
    expect(jobs(c).length).toBe(1);
    expect(cjEvents(c)).toContain('JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid');
    c.api().update({ ...cj(c), spec: { ...cj(c).spec, concurrencyPolicy: 'Replace' } });
    c.advance(60_000);
    c.settle();
    expect(jobs(c)).toEqual([`hello-${Date.UTC(2026, 0, 5, 9, 3, 0) / 60_000}`]);
  });

  it('does nothing while suspended and honours timeZone', () => {
    const c = bareCluster();
    c.api().create(cronJob({ schedule: '0 17 * * *', timeZone: 'Asia/Shanghai' }));
    c.advance(60 * 60_000);
    expect(jobs(c)).toEqual([]);
    c.api().update({ ...cj(c), spec: { ...cj(c).spec, schedule: '0 18 * * *' } });
    c.advance(60 * 60_000);
    const name = jobs(c)[0]!;
    expect(c.store.peek(R.jobs, 'default', name)!.metadata.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-05T18:00:00+08:00');
  });

  it('jobFromCronJob builds what kubectl create job --from=cronjob sends', () => {
    const c = bareCluster();
    const stored = c.api().create(cronJob());
    expect(jobFromCronJob(stored, 'manual-1')).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'manual-1',
        namespace: 'default',
        annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' },
        labels: { team: 'a' },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: stored.metadata.uid, controller: true }],
      },
      spec: stored.spec.jobTemplate.spec,
    });
  });

  it('formats times like Go', () => {
    expect(rfc3339InZone(Date.UTC(2026, 0, 5, 9, 5, 0), 'America/New_York')).toBe('2026-01-05T04:05:00-05:00');
    expect(rfc1123z(Date.UTC(2026, 0, 5, 9, 5, 0))).toBe('Mon, 05 Jan 2026 09:05:00 +0000');
  });

  it('skips an activation older than startingDeadlineSeconds and runs the next one', () => {
    const c = bareCluster();
    c.api().create(cronJob({ schedule: '*/5 * * * *', suspend: true, startingDeadlineSeconds: 30 }));
    c.advance(5 * 60_000 + 60_000);
    // Resumed one minute after 09:05: too late for the 09:05 run, wait for 09:10.
    c.api().update({ ...cj(c), spec: { ...cj(c).spec, suspend: false } });
    c.step();
    expect(jobs(c)).toEqual([]);
    c.advance(4 * 60_000 + 100);
    expect(jobs(c)).toEqual([`hello-${Date.UTC(2026, 0, 5, 9, 10, 0) / 60_000}`]);
  });
});
