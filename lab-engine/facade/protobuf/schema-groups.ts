import type { MessageSchema } from './schema';

/**
 * Messages of the API groups kubectl's generators create (field numbers from
 * staging/src/k8s.io/api/<group>/<version>/generated.proto). Flags as in
 * schema-core.ts: '?' pointer, '!' no omitempty.
 */
export const GROUPS: Record<string, MessageSchema> = {
  // apps/v1
  Deployment: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'DeploymentSpec'], 3: ['status', 'DeploymentStatus'] },
  DeploymentSpec: {
    1: ['replicas', 'int?'],
    2: ['selector', 'LabelSelector'],
    3: ['template', 'PodTemplateSpec'],
    4: ['strategy', 'DeploymentStrategy'],
    5: ['minReadySeconds', 'int'],
    6: ['revisionHistoryLimit', 'int?'],
    7: ['paused', 'bool'],
    9: ['progressDeadlineSeconds', 'int?'],
  },
  DeploymentStrategy: { 1: ['type', 'string'], 2: ['rollingUpdate', 'RollingUpdateDeployment'] },
  RollingUpdateDeployment: { 1: ['maxUnavailable', 'intstr'], 2: ['maxSurge', 'intstr'] },
  DeploymentStatus: { 1: ['observedGeneration', 'int'], 2: ['replicas', 'int'], 3: ['updatedReplicas', 'int'], 4: ['availableReplicas', 'int'], 5: ['unavailableReplicas', 'int'], 7: ['readyReplicas', 'int'] },
  // batch/v1
  Job: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'JobSpec'], 3: ['status', 'JobStatus'] },
  JobSpec: {
    1: ['parallelism', 'int?'],
    2: ['completions', 'int?'],
    3: ['activeDeadlineSeconds', 'int?'],
    4: ['selector', 'LabelSelector'],
    5: ['manualSelector', 'bool?'],
    6: ['template', 'PodTemplateSpec'],
    7: ['backoffLimit', 'int?'],
    8: ['ttlSecondsAfterFinished', 'int?'],
    9: ['completionMode', 'string?'],
    10: ['suspend', 'bool?'],
    12: ['backoffLimitPerIndex', 'int?'],
    13: ['maxFailedIndexes', 'int?'],
    14: ['podReplacementPolicy', 'string?'],
    15: ['managedBy', 'string?'],
  },
  JobStatus: { 5: ['succeeded', 'int'], 6: ['failed', 'int'], 4: ['active', 'int'] },
  CronJob: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'CronJobSpec'], 3: ['status', 'CronJobStatus'] },
  CronJobSpec: {
    1: ['schedule', 'string!'],
    2: ['startingDeadlineSeconds', 'int?'],
    3: ['concurrencyPolicy', 'string'],
    4: ['suspend', 'bool?'],
    5: ['jobTemplate', 'JobTemplateSpec!'],
    6: ['successfulJobsHistoryLimit', 'int?'],
    7: ['failedJobsHistoryLimit', 'int?'],
    8: ['timeZone', 'string?'],
  },
  JobTemplateSpec: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'JobSpec'] },
  CronJobStatus: { 4: ['lastScheduleTime', 'time'], 5: ['lastSuccessfulTime', 'time'] },
  // rbac.authorization.k8s.io/v1
  Role: { 1: ['metadata', 'ObjectMeta'], 2: ['rules', 'PolicyRule[]!'] },
  ClusterRole: { 1: ['metadata', 'ObjectMeta'], 2: ['rules', 'PolicyRule[]!'], 3: ['aggregationRule', 'AggregationRule'] },
  PolicyRule: { 1: ['verbs', 'string[]!'], 2: ['apiGroups', 'string[]'], 3: ['resources', 'string[]'], 4: ['resourceNames', 'string[]'], 5: ['nonResourceURLs', 'string[]'] },
  AggregationRule: { 1: ['clusterRoleSelectors', 'LabelSelector[]'] },
  RoleBinding: { 1: ['metadata', 'ObjectMeta'], 2: ['subjects', 'Subject[]'], 3: ['roleRef', 'RoleRef'] },
  ClusterRoleBinding: { 1: ['metadata', 'ObjectMeta'], 2: ['subjects', 'Subject[]'], 3: ['roleRef', 'RoleRef'] },
  Subject: { 1: ['kind', 'string!'], 2: ['apiGroup', 'string'], 3: ['name', 'string!'], 4: ['namespace', 'string'] },
  RoleRef: { 1: ['apiGroup', 'string!'], 2: ['kind', 'string!'], 3: ['name', 'string!'] },
  // scheduling.k8s.io/v1
  PriorityClass: { 1: ['metadata', 'ObjectMeta'], 2: ['value', 'int!'], 3: ['globalDefault', 'bool'], 4: ['description', 'string'], 5: ['preemptionPolicy', 'string?'] },
  // networking.k8s.io/v1
  Ingress: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'IngressSpec'], 3: ['status', 'IngressStatus'] },
  IngressSpec: { 1: ['defaultBackend', 'IngressBackend'], 2: ['tls', 'IngressTLS[]'], 3: ['rules', 'IngressRule[]'], 4: ['ingressClassName', 'string?'] },
  IngressTLS: { 1: ['hosts', 'string[]'], 2: ['secretName', 'string'] },
  IngressRule: { 1: ['host', 'string'], 2: ['', 'IngressRuleValue'] },
  IngressRuleValue: { 1: ['http', 'HTTPIngressRuleValue'] },
  HTTPIngressRuleValue: { 1: ['paths', 'HTTPIngressPath[]!'] },
  HTTPIngressPath: { 1: ['path', 'string'], 2: ['backend', 'IngressBackend'], 3: ['pathType', 'string?'] },
  IngressBackend: { 3: ['resource', 'TypedLocalObjectReference'], 4: ['service', 'IngressServiceBackend'] },
  TypedLocalObjectReference: { 1: ['apiGroup', 'string?'], 2: ['kind', 'string!'], 3: ['name', 'string!'] },
  IngressServiceBackend: { 1: ['name', 'string!'], 2: ['port', 'ServiceBackendPort'] },
  ServiceBackendPort: { 1: ['name', 'string'], 2: ['number', 'int'] },
  IngressStatus: { 1: ['loadBalancer', 'IngressLoadBalancerStatus'] },
  IngressLoadBalancerStatus: {},
  // policy/v1
  PodDisruptionBudget: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'PodDisruptionBudgetSpec'], 3: ['status', 'PodDisruptionBudgetStatus'] },
  PodDisruptionBudgetSpec: { 1: ['minAvailable', 'intstr'], 2: ['selector', 'LabelSelector'], 3: ['maxUnavailable', 'intstr'], 4: ['unhealthyPodEvictionPolicy', 'string?'] },
  PodDisruptionBudgetStatus: { 1: ['observedGeneration', 'int'], 3: ['disruptionsAllowed', 'int!'], 4: ['currentHealthy', 'int!'], 5: ['desiredHealthy', 'int!'], 6: ['expectedPods', 'int!'] },
  // authentication.k8s.io/v1
  TokenRequest: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'TokenRequestSpec'], 3: ['status', 'TokenRequestStatus'] },
  TokenRequestSpec: { 1: ['audiences', 'string[]!'], 3: ['boundObjectRef', 'BoundObjectReference!'], 4: ['expirationSeconds', 'int?'] },
  BoundObjectReference: { 1: ['kind', 'string'], 2: ['apiVersion', 'string'], 3: ['name', 'string'], 4: ['uid', 'string'] },
  TokenRequestStatus: { 1: ['token', 'string!'], 2: ['expirationTimestamp', 'time!'] },
  // autoscaling/v1 and v2 (kubectl autoscale)
  HorizontalPodAutoscaler: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'HorizontalPodAutoscalerSpec'], 3: ['status', 'HorizontalPodAutoscalerStatus'] },
  HorizontalPodAutoscalerSpec: { 1: ['scaleTargetRef', 'CrossVersionObjectReference'], 2: ['minReplicas', 'int?'], 3: ['maxReplicas', 'int!'], 4: ['targetCPUUtilizationPercentage', 'int?'] },
  HorizontalPodAutoscalerSpecV2: { 1: ['scaleTargetRef', 'CrossVersionObjectReference'], 2: ['minReplicas', 'int?'], 3: ['maxReplicas', 'int!'], 4: ['metrics', 'MetricSpec[]'] },
  CrossVersionObjectReference: { 1: ['kind', 'string!'], 2: ['name', 'string!'], 3: ['apiVersion', 'string'] },
  HorizontalPodAutoscalerStatus: { 3: ['currentReplicas', 'int!'], 4: ['desiredReplicas', 'int!'] },
  MetricSpec: { 1: ['type', 'string!'], 4: ['resource', 'ResourceMetricSource'] },
  ResourceMetricSource: { 1: ['name', 'string!'], 2: ['target', 'MetricTarget'] },
  MetricTarget: { 1: ['type', 'string!'], 2: ['value', 'quantity'], 3: ['averageValue', 'quantity'], 4: ['averageUtilization', 'int?'] },
  // autoscaling/v1 Scale (scale subresource PUT)
  Scale: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'ScaleSpec'], 3: ['status', 'ScaleStatus'] },
  ScaleSpec: { 1: ['replicas', 'int'] },
  ScaleStatus: { 1: ['replicas', 'int!'], 2: ['selector', 'string'] },
};
