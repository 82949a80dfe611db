import type { ClusterContext } from '../../sim/context';
import type { KubeObject } from '../../api/types';
import { cloneJson } from '../../api/clone';
import { isApiError } from '../../api/errors';
import { R, defOf } from '../common/kinds';
import { newControllerRef } from '../common/owner-refs';
import { podFromTemplate } from '../common/pods';
import { recordEvent } from '../common/events';
import { tolerate } from '../common/claim';
import { COMPLETION_INDEX, JOB_TRACKING_FINALIZER } from './status';

export const SOURCE = 'job-controller';

/**
 * A Job's pod (job_controller.go manageJob / utils): the template, the
 * job-tracking finalizer, and for Indexed Jobs the completion index as
 * annotation + label, `<job>-<index>` hostname and JOB_COMPLETION_INDEX.
 */
export function jobPod(job: KubeObject, index: number | undefined): KubeObject {
  const pod = podFromTemplate(job.spec.template, job.metadata.namespace!, job, newControllerRef(job));
  pod.metadata.finalizers = [...(pod.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER];
  if (index === undefined) return pod;
  pod.metadata.generateName = `${job.metadata.name}-${index}-`;
  pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [COMPLETION_INDEX]: String(index) };
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [COMPLETION_INDEX]: String(index) };
  pod.spec.hostname = `${job.metadata.name}-${index}`;
  const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } };
  for (const list of [pod.spec.initContainers, pod.spec.containers]) {
    for (const c of list ?? []) if (!(c.env ?? []).some((e: { name: string }) => e.name === env.name)) c.env = [...(c.env ?? []), cloneJson(env)];
  }
  return pod;
}

/** Creates pods in slow-start batches (1, 2, 4, …); stops after a failed batch. */
export function createJobPods(ctx: ClusterContext, job: KubeObject, indexes: (number | undefined)[]): void {
  const api = ctx.api();
  let batch = 1;
  for (let start = 0; start < indexes.length; start += batch, batch *= 2) {
    let failed = false;
    for (const index of indexes.slice(start, start + batch)) {
      try {
        const pod = api.create(jobPod(job, index));
        recordEvent(ctx, job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
      } catch (e) {
        if (!isApiError(e)) throw e;
        failed = true;
        recordEvent(ctx, job, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, SOURCE);
      }
    }
    if (failed) return;
  }
}

export function deleteJobPods(ctx: ClusterContext, job: KubeObject, pods: KubeObject[], deleted: Set<string>): void {
  const def = defOf(ctx, R.pods);
  for (const p of pods) {
    deleted.add(p.metadata.uid!);
    const r = tolerate(() => ctx.api().delete(def, p.metadata.namespace!, p.metadata.name!));
    if (r) recordEvent(ctx, job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
  }
}

/** Removes the job-tracking finalizer once the pod has been counted. */
export function removeTrackingFinalizer(ctx: ClusterContext, pod: KubeObject): void {
  const next = cloneJson(pod);
  next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
  if (!next.metadata.finalizers.length) delete next.metadata.finalizers;
  tolerate(() => ctx.api().update(next));
}
