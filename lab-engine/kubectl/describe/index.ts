/**
 * `kubectl describe` layouts (kubectl/pkg/describe/describe.go), one function
 * per kind; kinds without one use the generic describer.
 */
import type { KubeObject } from '../../api/types';
import type { Store } from '../../api/store';
import { describePod } from './pod';
import { describeCronJob, describeDaemonSet, describeDeployment, describeJob, describeReplicaSet, describeStatefulSet, type DescribeEnv } from './workloads';
import { describeConfigMap, describeNamespace, describeNode, describeSecret, describeService, describeServiceAccount } from './cluster';
import { describeRole, describeRoleBinding } from './rbac';
import { describeGeneric } from './generic';
import { describeHorizontalPodAutoscaler, describeLimitRange, describePersistentVolume, describePersistentVolumeClaim, describePodDisruptionBudget, describePriorityClass, describeResourceQuota, describeStorageClass } from './storage-policy';
import { describeEndpointSlice, describeEndpoints, describeIngress, describeIngressClass, describeNetworkPolicy } from './network';
import { eventsFor } from './common';
import { describeCertificateSigningRequest } from './certificates';

export { PrefixWriter } from './writer';
export type { DescribeEnv } from './workloads';

type Describer = (obj: KubeObject, env: DescribeEnv) => string;

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': (o, e) => describePod(o, e.events, e.nowMs),
  '/Service': describeService,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/ConfigMap': describeConfigMap,
  '/Secret': (o) => describeSecret(o),
  '/ServiceAccount': describeServiceAccount,
  '/ReplicationController': describeReplicaSet,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/StatefulSet': describeStatefulSet,
  'apps/DaemonSet': describeDaemonSet,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  '/Endpoints': describeEndpoints,
  '/PersistentVolume': describePersistentVolume,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  '/ResourceQuota': (o) => describeResourceQuota(o),
  '/LimitRange': (o) => describeLimitRange(o),
  'storage.k8s.io/StorageClass': describeStorageClass,
  'policy/PodDisruptionBudget': describePodDisruptionBudget,
  'scheduling.k8s.io/PriorityClass': describePriorityClass,
  'autoscaling/HorizontalPodAutoscaler': describeHorizontalPodAutoscaler,
  'networking.k8s.io/Ingress': describeIngress,
  'networking.k8s.io/IngressClass': describeIngressClass,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  'networking.k8s.io/NetworkPolicy': (o) => describeNetworkPolicy(o),
  'rbac.authorization.k8s.io/Role': (o) => describeRole(o),
  'rbac.authorization.k8s.io/ClusterRole': (o) => describeRole(o),
  'rbac.authorization.k8s.io/RoleBinding': (o) => describeRoleBinding(o),
  'rbac.authorization.k8s.io/ClusterRoleBinding': (o) => describeRoleBinding(o),
  'certificates.k8s.io/CertificateSigningRequest': describeCertificateSigningRequest,
};

/** Kinds whose describer prints no events (describe.go: Secret, Namespace, RBAC). */
const NO_EVENTS = new Set(['/Secret', '/Namespace', '/ResourceQuota', '/LimitRange', 'networking.k8s.io/NetworkPolicy', 'rbac.authorization.k8s.io/Role', 'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/RoleBinding', 'rbac.authorization.k8s.io/ClusterRoleBinding']);

/** Describes one object as `kubectl describe` prints it. */
export function describeObject(obj: KubeObject, store: Store, nowMs: number, showEvents = true): string {
  const slash = obj.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash);
  const key = `${group}/${obj.kind}`;
  const env: DescribeEnv = {
    nowMs,
    events: showEvents && !NO_EVENTS.has(key) ? eventsFor(store, obj) : null,
    list: (resource, namespace) => store.peekList(resource, namespace),
  };
  const d = DESCRIBERS[key];
  return d ? d(obj, env) : describeGeneric(obj, env.events, nowMs);
}
