import { describe, expect, it } from 'vitest';
import { bareCluster, finishPod, podNames, recordWrites, runPod } from '../testing/fixture';
import { controllersOf } from '../index';
import { R } from '../common/kinds';
import type { Cluster } from '../../sim/cluster';
import { podFailureBackoffMs } from './sync';

const jobObj = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi', namespace: 'default' },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } }, ...spec },
});
const job = (c: Cluster) => c.store.peek(R.jobs, 'default', 'pi')!;
const livePods = (c: Cluster) => c.store.peekList(R.pods, 'default').filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp);
const jobEvents = (c: Cluster) =>
  c.store.peekList('events', 'default').filter((e) => e.involvedObject.kind === 'Job').sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1)).map((e) => `${e.reason} ${e.message}`);

describe('Job controller', () => {
  it('creates a pod with the tracking finalizer and the job labels in one reconcile', () => {
    const c = bareCluster();
    c.api().create(jobObj());
    const rec = recordWrites(c);
    controllersOf(c).job.reconcile('default/pi');
    const [pod] = c.store.peekList(R.pods, 'default');
    expect(pod.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'pi', controller: true, blockOwnerDeletion: true });
    expect(rec.writes).toEqual([`create pods default/${pod.metadata.name}`, `EVENT SuccessfulCreate Created pod: ${pod.metadata.name}`, 'update jobs.batch default/pi']);
    expect(job(c).status).toEqual({ startTime: '2026-01-05T09:00:00Z', active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
  });

  it('completes with SuccessCriteriaMet then Complete, completionTime and the Completed event', () => {
    const c = bareCluster();
    c.api().create(jobObj({ completions: 2, parallelism: 1 }));
    c.settle();
    for (let i = 0; i < 2; i++) {
      c.advance(5000);
      finishPod(c, livePods(c)[0], 'Succeeded');
      c.settle();
    }
    const s = job(c).status;
    const t = c.clock.nowRfc3339();
    expect(s).toEqual({
      startTime: '2026-01-05T09:00:00Z',
      completionTime: t,
      ready: 0,
      succeeded: 2,
      terminating: 0,
      uncountedTerminatedPods: {},
      conditions: [
        { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: t, lastTransitionTime: t, reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
        { type: 'Complete', status: 'True', lastProbeTime: t, lastTransitionTime: t, reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
      ],
    });
    expect(jobEvents(c).at(-1)).toBe('Completed Job completed');
    expect(c.store.peekList(R.pods, 'default').every((p) => !p.metadata.finalizers)).toBe(true);
  });

  it('retries failed pods with exponential back-off and fails at the backoff limit', () => {
    expect([1, 2, 3, 7, 9].map(podFailureBackoffMs)).toEqual([10_000, 20_000, 40_000, 600_000, 600_000]);
    const c = bareCluster();
    c.api().create(jobObj({ backoffLimit: 2 }));
    c.settle();
    finishPod(c, livePods(c)[0], 'Failed');
    c.settle();
    expect(livePods(c).length).toBe(0);
    c.advance(9_999);
    expect(livePods(c).length).toBe(0);
    c.advance(1);
    expect(livePods(c).length).toBe(1);
    finishPod(c, livePods(c)[0], 'Failed');
    c.advance(20_000);
    finishPod(c, livePods(c)[0], 'Failed');
    c.settle();
    const s = job(c).status;
    expect(s.failed).toBe(3);
    expect(s.conditions.map((x: { type: string; reason: string; message: string }) => `${x.type} ${x.reason} ${x.message}`)).toEqual([
      'FailureTarget BackoffLimitExceeded Job has reached the specified backoff limit',
      'Failed BackoffLimitExceeded Job has reached the specified backoff limit',
    ]);
    expect(jobEvents(c).at(-1)).toBe('BackoffLimitExceeded Job has reached the specified backoff limit');
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds and deletes the running pod', () => {
    const c = bareCluster();
    c.api().create(jobObj({ activeDeadlineSeconds: 30 }));
    c.settle();
    runPod(c, livePods(c)[0]);
    c.advance(30_001);
    expect(job(c).status.conditions[0]).toMatchObject({ type: 'FailureTarget', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    expect(jobEvents(c)).toContain(`SuccessfulDelete Deleted pod: ${c.store.peekList(R.pods, 'default')[0].metadata.name}`);
  });

  it('runs Indexed jobs with one pod per index and completedIndexes', () => {
    const c = bareCluster();
    c.api().create(jobObj({ completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    c.settle();
    const pods = livePods(c);
    expect(pods.map((p) => p.metadata.annotations!['batch.kubernetes.io/job-completion-index']).sort()).toEqual(['0', '1', '2']);
    const p0 = pods.find((p) => p.metadata.labels!['batch.kubernetes.io/job-completion-index'] === '0')!;
    expect(p0.metadata.name).toMatch(/^pi-0-\w{5}$/);
    expect(p0.spec.hostname).toBe('pi-0');
    expect(p0.spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }]);
    for (const p of pods.filter((x) => x !== p0)) finishPod(c, p, 'Succeeded');
    c.settle();
    expect(job(c).status.completedIndexes).toBe('1,2');
    finishPod(c, p0, 'Succeeded');
    c.settle();
    expect(job(c).status.completedIndexes).toBe('0-2');
    expect(job(c).status.conditions.at(-1).type).toBe('Complete');
  });

  it('suspend deletes active pods and resume recreates them, with events', () => {
    const c = bareCluster();
    c.api().create(jobObj());
    c.settle();
    c.api().update({ ...job(c), spec: { ...job(c).spec, suspend: true } });
    c.settle();
    expect(podNames(c)).toEqual([]);
    expect(job(c).status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    expect(job(c).status.startTime).toBeUndefined();
    c.api().update({ ...job(c), spec: { ...job(c).spec, suspend: false } });
    c.settle();
    expect(podNames(c).length).toBe(1);
    expect(job(c).status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' });
    expect(jobEvents(c).filter((e) => !e.startsWith('Successful'))).toEqual(['Suspended Job suspended', 'Resumed Job resumed']);
  });

  it('deletes a finished job after ttlSecondsAfterFinished', () => {
    const c = bareCluster();
    c.api().create(jobObj({ ttlSecondsAfterFinished: 60 }));
    c.settle();
    finishPod(c, livePods(c)[0], 'Succeeded');
    c.settle();
    expect(job(c).status.conditions.at(-1).type).toBe('Complete');
    c.advance(59_000);
    expect(c.store.peek(R.jobs, 'default', 'pi')).toBeDefined();
    c.advance(1_000);
    c.settle();
    expect(c.store.peek(R.jobs, 'default', 'pi')).toBeUndefined();
    expect(c.store.peekList(R.pods, 'default')).toEqual([]);
  });

  it('fails OnFailure jobs once container restarts reach backoffLimit', () => {
    const c = bareCluster();
    c.api().create(jobObj({ backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'pi', image: 'perl' }] } } }));
    c.settle();
    const p = runPod(c, livePods(c)[0]);
    c.api().updateStatus({ ...p, status: { ...p.status, containerStatuses: [{ name: 'pi', restartCount: 2, ready: false, image: 'perl', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } } }] } });
    c.settle();
    expect(job(c).status.conditions[0]).toMatchObject({ type: 'FailureTarget', reason: 'BackoffLimitExceeded' });
  });

  it('lets go of the pods of a deleted Job (background deletion) so they can be removed', () => {
    const c = bareCluster();
    c.api().create(jobObj({ parallelism: 2, completions: 2 }));
    c.settle();
    c.api().delete(c.registry.resolve('jobs')!, 'default', 'pi');
    c.settle();
    expect(c.store.peekList(R.pods, 'default')).toEqual([]);
  });
});
