import type { KubeObject } from '../../api/types';
import { cloneJson } from '../../api/clone';
import { newControllerRef } from '../common/owner-refs';
import { rfc3339InZone } from './schedule';

export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/**
 * `kubectl create job NAME --from=cronjob/CJ` (kubectl create_job.go
 * createJobFromCronJob): the template's labels, its annotations plus
 * `cronjob.kubernetes.io/instantiate: manual`, and a controller reference
 * without blockOwnerDeletion.
 */
export function jobFromCronJob(cronJob: KubeObject, name: string): KubeObject {
  const tmpl = cronJob.spec?.jobTemplate ?? {};
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tmpl.metadata?.annotations ?? {}) };
  const metadata: KubeObject['metadata'] = {
    name,
    annotations,
    ...(tmpl.metadata?.labels ? { labels: { ...tmpl.metadata.labels } } : {}),
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name!, uid: cronJob.metadata.uid!, controller: true }],
  };
  if (cronJob.metadata.namespace) metadata.namespace = cronJob.metadata.namespace;
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: cloneJson(tmpl.spec ?? {}) };
}

/** getJobFromTemplate2 (cronjob/utils.go): `<cj>-<minutes since epoch>` with the scheduled-timestamp annotation. */
export function jobForSchedule(cronJob: KubeObject, scheduledMs: number): KubeObject {
  const tmpl = cronJob.spec?.jobTemplate ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${cronJob.metadata.name}-${Math.floor(scheduledMs / 60_000)}`,
      namespace: cronJob.metadata.namespace,
      ...(tmpl.metadata?.labels ? { labels: { ...tmpl.metadata.labels } } : {}),
      annotations: { ...(tmpl.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: rfc3339InZone(scheduledMs, cronJob.spec?.timeZone) },
      ownerReferences: [newControllerRef(cronJob)],
    },
    spec: cloneJson(tmpl.spec ?? {}),
  };
}
