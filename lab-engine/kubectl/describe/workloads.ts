/** describeDeployment, describeReplicaSet, describeStatefulSet, describeDaemonSet, describeJob, describeCronJob (describe.go). */
import type { KubeObject } from '../../api/types';
import { PrefixWriter, LEVEL_0, LEVEL_1 } from './writer';
import { controllerOf, describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './common';
import { conditionsTable, describePodTemplate, podCounts } from './pod-template';
import { formatLabelSelector, formatLabels, selectorString, boolPtr } from '../printers/helpers';
import { humanDuration } from '../util/duration';

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface DescribeEnv {
  nowMs: number;
  events: KubeObject[] | null;
  /** Objects of a resource in a namespace (store.peekList). */
  list(resource: string, namespace?: string): KubeObject[];
}

const n = (v: unknown) => (typeof v === 'number' ? v : 0);

export function describeDeployment(d: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  const st = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp!)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(d.spec?.selector)}\n`);
  w.write(LEVEL_0, `Replicas:\t${n(d.spec?.replicas)} desired | ${n(st.updatedReplicas)} updated | ${n(st.replicas)} total | ${n(st.availableReplicas)} available | ${n(st.unavailableReplicas)} unavailable\n`);
  w.write(LEVEL_0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${n(d.spec?.minReadySeconds)}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`);
  describePodTemplate(w, d.spec?.template);
  conditionsTable(w, st.conditions);
  const { oldRSs, newRS } = replicaSetsOf(d, env);
  w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
  w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`);
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

/** deploymentutil.GetAllReplicaSets: owned RSs; the new one has the deployment's revision. */
export function replicaSetsOf(d: KubeObject, env: DescribeEnv): { oldRSs: KubeObject[]; newRS: KubeObject | undefined } {
  const owned = env.list('replicasets.apps', d.metadata.namespace).filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid));
  const rev = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
  const newRS = owned.find((rs) => rev !== undefined && rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === rev) ?? (owned.length === 1 ? owned[0] : undefined);
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

function rsList(rss: KubeObject[]): string {
  return rss.map((rs) => `${rs.metadata.name} (${n(rs.status?.replicas)}/${n(rs.spec?.replicas)} replicas created)`).join(', ') || '<none>';
}

function podsStatus(w: PrefixWriter, owner: KubeObject, env: DescribeEnv): void {
  const c = podCounts(env.list('pods', owner.metadata.namespace), owner);
  w.write(LEVEL_0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
}

export function describeReplicaSet(rs: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${rs.kind === 'ReplicationController' ? formatLabels(rs.spec?.selector) : formatLabelSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const ctrl = controllerOf(rs);
  if (ctrl) w.write(LEVEL_0, `Controlled By:\t${ctrl}\n`);
  w.write(LEVEL_0, `Replicas:\t${n(rs.status?.replicas)} current / ${n(rs.spec?.replicas)} desired\n`);
  podsStatus(w, rs, env);
  describePodTemplate(w, rs.spec?.template);
  conditionsTable(w, rs.status?.conditions);
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

export function describeStatefulSet(ss: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ss.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ss.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(ss.metadata.creationTimestamp!)}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(ss.spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', ss.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ss.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${n(ss.spec?.replicas)} desired | ${n(ss.status?.replicas)} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${ss.spec?.updateStrategy?.type ?? ''}\n`);
  const ru = ss.spec?.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  podsStatus(w, ss, env);
  describePodTemplate(w, ss.spec?.template);
  const vcts: any[] = ss.spec?.volumeClaimTemplates ?? [];
  if (vcts.length === 0) w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
  else {
    w.write(LEVEL_0, 'Volume Claims:\n');
    for (const pvc of vcts) {
      w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
      w.write(LEVEL_1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
      printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
      printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
      w.write(LEVEL_1, `Capacity:\t${pvc.spec?.resources?.requests?.storage ?? '<default>'}\n`);
      w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
    }
  }
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

export function describeDaemonSet(ds: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  const st = ds.status ?? {};
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  // describeDaemonSet prints no Namespace line (describe.go)
  w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, 'Labels', ds.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${n(st.desiredNumberScheduled)}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${n(st.currentNumberScheduled)}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${n(st.updatedNumberScheduled)}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${n(st.numberAvailable)}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${n(st.numberMisscheduled)}\n`);
  podsStatus(w, ds, env);
  describePodTemplate(w, ds.spec?.template);
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

export function describeJob(job: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  const spec = job.spec ?? {};
  const st = job.status ?? {};
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', job.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
  const ctrl = controllerOf(job);
  if (ctrl) w.write(LEVEL_0, `Controlled By:\t${ctrl}\n`);
  if (spec.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(LEVEL_0, spec.completions !== undefined && spec.completions !== null ? `Completions:\t${spec.completions}\n` : 'Completions:\t<unset>\n');
  if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  if (st.ready === undefined) w.write(LEVEL_0, `Pods Statuses:\t${n(st.active)} Active / ${n(st.succeeded)} Succeeded / ${n(st.failed)} Failed\n`);
  else w.write(LEVEL_0, `Pods Statuses:\t${n(st.active)} Active (${n(st.ready)} Ready) / ${n(st.succeeded)} Succeeded / ${n(st.failed)} Failed\n`);
  if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${st.completedIndexes || '<none>'}\n`);
  describePodTemplate(w, spec.template);
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

export function describeCronJob(cj: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  const spec = cj.spec ?? {};
  w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', cj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
  w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Suspend:\t${boolPtr(spec.suspend)}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(LEVEL_0, spec.startingDeadlineSeconds !== undefined ? `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds}s\n` : 'Starting Deadline Seconds:\t<unset>\n');
  const jt = spec.jobTemplate?.spec ?? {};
  w.write(LEVEL_0, jt.selector ? `Selector:\t${selectorString(jt.selector)}\n` : 'Selector:\t<unset>\n');
  w.write(LEVEL_0, `Parallelism:\t${jt.parallelism ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${jt.completions ?? '<unset>'}\n`);
  if (jt.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, jt.template);
  w.write(LEVEL_0, cj.status?.lastScheduleTime ? `Last Schedule Time:\t${rfc1123z(cj.status.lastScheduleTime)}\n` : 'Last Schedule Time:\t<unset>\n');
  const active: { name: string }[] = cj.status?.active ?? [];
  w.write(LEVEL_0, 'Active Jobs:\t');
  if (active.length === 0) w.line('<none>');
  else w.write(LEVEL_0, active.map((a) => a.name).join(', ') + '\n');
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}
