import type { KindDef } from '../registry';
import { namespace } from './namespace';
import { node } from './node';
import { pod } from './pod';
import { event } from './event';
import { configMap } from './config-map';
import { secret } from './secret';
import { serviceAccount } from './service-account';
import { replicaSet } from './replica-set';
import { deployment } from './deployment';
import { statefulSet } from './stateful-set';
import { daemonSet } from './daemon-set';
import { controllerRevision } from './controller-revision';
import { job } from './job';
import { cronJob } from './cron-job';
import { priorityClass } from './priority-class';
import { lease } from './lease';
import { service } from './service';
import { endpoints } from './endpoints';
import { endpointSlice } from './endpoint-slice';
import { ingress } from './ingress';
import { ingressClass } from './ingress-class';
import { networkPolicy } from './network-policy';
import { persistentVolume } from './persistent-volume';
import { persistentVolumeClaim } from './persistent-volume-claim';
import { storageClass } from './storage-class';
import { role } from './role';
import { clusterRole } from './cluster-role';
import { roleBinding } from './role-binding';
import { clusterRoleBinding } from './cluster-role-binding';
import { resourceQuota } from './resource-quota';
import { limitRange } from './limit-range';
import { podDisruptionBudget } from './pod-disruption-budget';
import { horizontalPodAutoscaler } from './horizontal-pod-autoscaler';
import { customResourceDefinition } from './custom-resource-definition';
import { certificateSigningRequest } from './certificate-signing-request';

/** Every kind the engine implements. Add a kind: one file here, one line below. */
export const BUILTIN_KINDS: KindDef[] = [
  namespace,
  node,
  pod,
  event,
  configMap,
  secret,
  serviceAccount,
  replicaSet,
  deployment,
  statefulSet,
  daemonSet,
  controllerRevision,
  job,
  cronJob,
  priorityClass,
  lease,
  service,
  endpoints,
  endpointSlice,
  ingress,
  ingressClass,
  networkPolicy,
  persistentVolume,
  persistentVolumeClaim,
  storageClass,
  role,
  clusterRole,
  roleBinding,
  clusterRoleBinding,
  resourceQuota,
  limitRange,
  podDisruptionBudget,
  horizontalPodAutoscaler,
  customResourceDefinition,
  certificateSigningRequest,
];
