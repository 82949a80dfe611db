/**
 * printDeployment, printReplicaSet, printReplicationController, printDaemonSet,
 * printStatefulSet, printJob, printCronJob, printControllerRevision (printers.go).
 */
import type { KubeObject } from '../../../api/types';
import { type KindPrinter, col } from '../types';
import { age, ageSince, containerCells, formatLabelSelector, formatLabels, num, selectorString, boolPtr } from '../helpers';
import { humanDuration, parseTime } from '../../util/duration';

const CONTAINERS = col('Containers', 'string', 1, 'Names of each container in the template.');
const IMAGES = col('Images', 'string', 1, 'Images referenced by each container in the template.');
const SELECTOR = col('Selector', 'string', 1, 'A label query over pods that should match the replica count.');

export const deploymentPrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Ready', 'string', 0, 'Number of the pod with ready state'),
    col('Up-to-date', 'string', 0, 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    col('Available', 'string', 0, 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    col('Age'), CONTAINERS, IMAGES, SELECTOR,
  ],
  row(o, ctx) {
    const st = o.status ?? {};
    return [o.metadata.name, `${num(st.readyReplicas)}/${num(o.spec?.replicas)}`, num(st.updatedReplicas), num(st.availableReplicas), age(o, ctx.nowMs),
      ...containerCells(o.spec?.template?.spec), selectorString(o.spec?.selector)];
  },
};

export const replicaSetPrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Desired', 'integer', 0, 'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#how-a-replicaset-works'),
    col('Current', 'integer', 0, 'Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#how-a-replicaset-works'),
    col('Ready', 'integer', 0, 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.'),
    col('Age'), CONTAINERS, IMAGES, SELECTOR,
  ],
  row(o, ctx) {
    const st = o.status ?? {};
    return [o.metadata.name, num(o.spec?.replicas), num(st.replicas), num(st.readyReplicas), age(o, ctx.nowMs),
      ...containerCells(o.spec?.template?.spec), formatLabelSelector(o.spec?.selector)];
  },
};

export const replicationControllerPrinter: KindPrinter = {
  columns: replicaSetPrinter.columns,
  row(o, ctx) {
    const st = o.status ?? {};
    return [o.metadata.name, num(o.spec?.replicas), num(st.replicas), num(st.readyReplicas), age(o, ctx.nowMs),
      ...containerCells(o.spec?.template?.spec), formatLabels(o.spec?.selector)];
  },
};

export const daemonSetPrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Desired', 'integer', 0, 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
    col('Current', 'integer', 0, 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
    col('Ready', 'integer', 0, 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
    col('Up-to-date', 'integer', 0, 'The total number of nodes that are running updated daemon pod'),
    col('Available', 'integer', 0, 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
    col('Node Selector', 'string', 0, 'NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node\'s labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/'),
    col('Age'), CONTAINERS, IMAGES, SELECTOR,
  ],
  row(o, ctx) {
    const st = o.status ?? {};
    return [o.metadata.name, num(st.desiredNumberScheduled), num(st.currentNumberScheduled), num(st.numberReady), num(st.updatedNumberScheduled),
      num(st.numberAvailable), formatLabels(o.spec?.template?.spec?.nodeSelector), age(o, ctx.nowMs),
      ...containerCells(o.spec?.template?.spec), formatLabelSelector(o.spec?.selector)];
  },
};

export const statefulSetPrinter: KindPrinter = {
  columns: [col('Name'), col('Ready', 'string', 0, 'Number of the pod with ready state'), col('Age'), CONTAINERS, IMAGES],
  row(o, ctx) {
    return [o.metadata.name, `${num(o.status?.readyReplicas)}/${num(o.spec?.replicas)}`, age(o, ctx.nowMs), ...containerCells(o.spec?.template?.spec)];
  },
};

const hasCondition = (o: KubeObject, type: string) => (o.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === type && c.status === 'True');

/** printJob's STATUS cell. */
export function jobStatus(o: KubeObject): string {
  if (hasCondition(o, 'Complete')) return 'Complete';
  if (hasCondition(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(o, 'Suspended')) return 'Suspended';
  if (hasCondition(o, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(o, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

export function jobCompletions(o: KubeObject): string {
  const succeeded = num(o.status?.succeeded);
  if (o.spec?.completions !== undefined && o.spec?.completions !== null) return `${succeeded}/${o.spec.completions}`;
  const parallelism = num(o.spec?.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

export function jobDuration(o: KubeObject, nowMs: number): string {
  const start = parseTime(o.status?.startTime);
  if (start === undefined) return '';
  const end = parseTime(o.status?.completionTime);
  return humanDuration((end ?? nowMs) - start);
}

export const jobPrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Status', 'string', 0, 'Status of the job.'),
    col('Completions', 'string', 0, 'The number of successfully completed pods and how many pods are desired to complete.'),
    col('Duration', 'string', 0, 'Time required to complete the job.'),
    col('Age'), CONTAINERS, IMAGES, col('Selector', 'string', 1, 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  row(o, ctx) {
    return [o.metadata.name, jobStatus(o), jobCompletions(o), jobDuration(o, ctx.nowMs), age(o, ctx.nowMs),
      ...containerCells(o.spec?.template?.spec), formatLabelSelector(o.spec?.selector)];
  },
};

export const cronJobPrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Schedule', 'string', 0, 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    col('Timezone', 'string', 0, 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones'),
    col('Suspend', 'boolean', 0, 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.'),
    col('Active', 'integer', 0, 'A list of pointers to currently running jobs.'),
    col('Last Schedule', 'string', 0, 'Information when was the last time the job was successfully scheduled.'),
    col('Age'), CONTAINERS, IMAGES, col('Selector', 'string', 1, 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  row(o, ctx) {
    const last = o.status?.lastScheduleTime ? ageSince(o.status.lastScheduleTime, ctx.nowMs) : '<none>';
    const tmpl = o.spec?.jobTemplate?.spec;
    return [o.metadata.name, o.spec?.schedule ?? '', o.spec?.timeZone ?? '<none>', boolPtr(o.spec?.suspend), (o.status?.active ?? []).length, last, age(o, ctx.nowMs),
      ...containerCells(tmpl?.template?.spec), formatLabelSelector(tmpl?.selector)];
  },
};

export const controllerRevisionPrinter: KindPrinter = {
  columns: [col('Name'), col('Controller', 'string', 0, 'Controller of the object'), col('Revision', 'string', 0, 'Revision indicates the revision of the state represented by Data.'), col('Age')],
  row(o, ctx) {
    const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
    let controller = '<none>';
    if (ref) {
      const slash = ref.apiVersion.indexOf('/');
      const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
      controller = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
    }
    return [o.metadata.name, controller, num(o.revision), age(o, ctx.nowMs)];
  },
};
