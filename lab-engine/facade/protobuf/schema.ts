/**
 * Field numbers of the Kubernetes protobuf messages the facade decodes
 * (from the `protobuf:"…"` tags of the Go API types, k8s.io/api and
 * k8s.io/apimachinery). A message maps field number → [json name, type].
 * Types: 'string' | 'int' | 'bool' | 'bytes' (base64 in JSON) | 'time'
 * (metav1.Time) | 'quantity' (resource.Quantity) | 'intstr' (IntOrString) |
 * a message name | 'map:<valueType>'; a trailing '[]' marks repeated fields;
 * then '?' marks a pointer field and '!' a field without `omitempty` (both
 * keep zero values in JSON). A json name '' inlines an embedded struct.
 */
import { CORE_V1 } from './schema-core';
import { GROUPS } from './schema-groups';

export type FieldType = string;
export type MessageSchema = Record<number, [string, FieldType]>;

export const MESSAGES: Record<string, MessageSchema> = {
  Unknown: { 1: ['typeMeta', 'TypeMeta'], 2: ['raw', 'raw'], 3: ['contentEncoding', 'string'], 4: ['contentType', 'string'] },
  TypeMeta: { 1: ['apiVersion', 'string'], 2: ['kind', 'string'] },
  Time: { 1: ['seconds', 'int'], 2: ['nanos', 'int'] },
  // apimachinery/pkg/api/resource/generated.proto, util/intstr/generated.proto
  Quantity: { 1: ['string', 'string'] },
  IntOrString: { 1: ['type', 'int'], 2: ['intVal', 'int'], 3: ['strVal', 'string'] },
  LabelSelector: { 1: ['matchLabels', 'map:string'], 2: ['matchExpressions', 'LabelSelectorRequirement[]'] },
  LabelSelectorRequirement: { 1: ['key', 'string!'], 2: ['operator', 'string!'], 3: ['values', 'string[]'] },
  ObjectMeta: {
    1: ['name', 'string'],
    2: ['generateName', 'string'],
    3: ['namespace', 'string'],
    4: ['selfLink', 'string'],
    5: ['uid', 'string'],
    6: ['resourceVersion', 'string'],
    7: ['generation', 'int'],
    8: ['creationTimestamp', 'time'],
    9: ['deletionTimestamp', 'time'],
    10: ['deletionGracePeriodSeconds', 'int?'],
    11: ['labels', 'map:string'],
    12: ['annotations', 'map:string'],
    13: ['ownerReferences', 'OwnerReference[]'],
    14: ['finalizers', 'string[]'],
  },
  OwnerReference: { 1: ['kind', 'string!'], 3: ['name', 'string!'], 4: ['uid', 'string!'], 5: ['apiVersion', 'string!'], 6: ['controller', 'bool?'], 7: ['blockOwnerDeletion', 'bool?'] },
  DeleteOptions: {
    1: ['gracePeriodSeconds', 'int?'],
    2: ['preconditions', 'Preconditions'],
    3: ['orphanDependents', 'bool?'],
    4: ['propagationPolicy', 'string?'],
    5: ['dryRun', 'string[]'],
  },
  Preconditions: { 1: ['uid', 'string?'], 2: ['resourceVersion', 'string?'] },
  // policy/v1
  Eviction: { 1: ['metadata', 'ObjectMeta'], 2: ['deleteOptions', 'DeleteOptions'] },
  // authorization/v1
  SelfSubjectAccessReview: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'SelfSubjectAccessReviewSpec'] },
  SelfSubjectAccessReviewSpec: { 1: ['resourceAttributes', 'ResourceAttributes'], 2: ['nonResourceAttributes', 'NonResourceAttributes'] },
  ResourceAttributes: {
    1: ['namespace', 'string'],
    2: ['verb', 'string'],
    3: ['group', 'string'],
    4: ['version', 'string'],
    5: ['resource', 'string'],
    6: ['subresource', 'string'],
    7: ['name', 'string'],
  },
  NonResourceAttributes: { 1: ['path', 'string'], 2: ['verb', 'string'] },
  SelfSubjectRulesReview: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'SelfSubjectRulesReviewSpec'] },
  SelfSubjectRulesReviewSpec: { 1: ['namespace', 'string'] },
  // authentication/v1
  SelfSubjectReview: { 1: ['metadata', 'ObjectMeta'] },
  ...CORE_V1,
  ...GROUPS,
  HorizontalPodAutoscalerV2: { 1: ['metadata', 'ObjectMeta'], 2: ['spec', 'HorizontalPodAutoscalerSpecV2'], 3: ['status', 'HorizontalPodAutoscalerStatus'] },
};

/**
 * Top-level kind → message, for the objects the facade can decode; an
 * `apiVersion/kind` key wins over the bare kind (HPA differs between v1 and v2).
 */
export const KIND_MESSAGES: Record<string, string> = {
  ...Object.fromEntries(
    ['Pod', 'ConfigMap', 'Secret', 'Service', 'Namespace', 'ServiceAccount', 'ResourceQuota', 'Deployment', 'Job', 'CronJob', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'PriorityClass', 'Ingress', 'PodDisruptionBudget', 'TokenRequest', 'HorizontalPodAutoscaler', 'Scale'].map((k) => [k, k]),
  ),
  'autoscaling/v2/HorizontalPodAutoscaler': 'HorizontalPodAutoscalerV2',
  Eviction: 'Eviction',
  DeleteOptions: 'DeleteOptions',
  SelfSubjectAccessReview: 'SelfSubjectAccessReview',
  SelfSubjectRulesReview: 'SelfSubjectRulesReview',
  SelfSubjectReview: 'SelfSubjectReview',
};
