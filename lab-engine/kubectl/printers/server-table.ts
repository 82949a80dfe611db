/**
 * The server side of `kubectl get`: converts objects to a metav1.Table the way
 * kube-apiserver's TableConvertor does (pkg/printers/storage/storage.go calls the
 * printers.go handlers with Wide: true, so rows carry the priority-1 cells too).
 * The REST facade serves `as=Table` responses from toTable(); kubectl's own table
 * printer (table-printer.ts) consumes the same objects.
 */
import type { KubeObject } from '../../api/types';
import type { KindDef } from '../../api/registry';
import type { Table, KindPrinter } from './types';
import { podPrinter } from './kinds/pod';
import * as w from './kinds/workloads';
import * as n from './kinds/network';
import * as c from './kinds/cluster';
import * as s from './kinds/storage';
import * as p from './kinds/policy';
import { eventPrinter } from './kinds/event';
import { certificateSigningRequestPrinter } from './kinds/certificates';
import { customResourcePrinter, defaultPrinter, type PrinterColumn } from './kinds/default';

/** printers.go AddHandlers, keyed by `<group>/<Kind>` (core group is empty). */
const PRINTERS: Record<string, KindPrinter> = {
  '/Pod': podPrinter,
  '/Node': c.nodePrinter,
  '/Namespace': c.namespacePrinter,
  '/ConfigMap': c.configMapPrinter,
  '/Secret': c.secretPrinter,
  '/ServiceAccount': c.serviceAccountPrinter,
  '/Service': n.servicePrinter,
  '/Endpoints': n.endpointsPrinter,
  '/Event': eventPrinter,
  '/PersistentVolume': s.persistentVolumePrinter,
  '/PersistentVolumeClaim': s.persistentVolumeClaimPrinter,
  '/ReplicationController': w.replicationControllerPrinter,
  '/ResourceQuota': p.resourceQuotaPrinter,
  'apps/Deployment': w.deploymentPrinter,
  'apps/ReplicaSet': w.replicaSetPrinter,
  'apps/DaemonSet': w.daemonSetPrinter,
  'apps/StatefulSet': w.statefulSetPrinter,
  'apps/ControllerRevision': w.controllerRevisionPrinter,
  'batch/Job': w.jobPrinter,
  'batch/CronJob': w.cronJobPrinter,
  'autoscaling/HorizontalPodAutoscaler': p.horizontalPodAutoscalerPrinter,
  'policy/PodDisruptionBudget': p.podDisruptionBudgetPrinter,
  'networking.k8s.io/Ingress': n.ingressPrinter,
  'networking.k8s.io/IngressClass': n.ingressClassPrinter,
  'networking.k8s.io/NetworkPolicy': n.networkPolicyPrinter,
  'discovery.k8s.io/EndpointSlice': n.endpointSlicePrinter,
  'rbac.authorization.k8s.io/RoleBinding': p.roleBindingPrinter,
  'rbac.authorization.k8s.io/ClusterRoleBinding': p.clusterRoleBindingPrinter,
  'storage.k8s.io/StorageClass': s.storageClassPrinter,
  'scheduling.k8s.io/PriorityClass': p.priorityClassPrinter,
  'coordination.k8s.io/Lease': c.leasePrinter,
  'certificates.k8s.io/CertificateSigningRequest': certificateSigningRequestPrinter,
  'events.k8s.io/Event': eventPrinter,
};

/** Built-in API groups: kinds there without a handler use the default convertor, not the CRD one. */
const BUILTIN_GROUPS = new Set(['', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'discovery.k8s.io', 'rbac.authorization.k8s.io',
  'storage.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'events.k8s.io', 'apiextensions.k8s.io', 'admissionregistration.k8s.io',
  'apiregistration.k8s.io', 'certificates.k8s.io', 'node.k8s.io', 'flowcontrol.apiserver.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'resource.k8s.io', 'storagemigration.k8s.io']);

export interface TableOptions {
  nowMs: number;
  /** The CRD of a custom resource kind, for its additionalPrinterColumns. */
  crd?: KubeObject;
  resourceVersion?: string;
}

/** The printer the API server would use for a kind. */
export function printerFor(def: Pick<KindDef, 'group' | 'kind' | 'version'>, crd?: KubeObject): KindPrinter {
  const builtin = PRINTERS[`${def.group}/${def.kind}`];
  if (builtin) return builtin;
  if (BUILTIN_GROUPS.has(def.group) && !crd) return defaultPrinter;
  const version = (crd?.spec?.versions ?? []).find((v: { name: string }) => v.name === def.version);
  const columns: PrinterColumn[] | undefined = version?.additionalPrinterColumns ?? crd?.spec?.additionalPrinterColumns;
  return customResourcePrinter(columns);
}

/** ConvertToTable for a list of objects of one kind. */
export function toTable(def: Pick<KindDef, 'group' | 'kind' | 'version'>, objects: readonly KubeObject[], opts: TableOptions): Table {
  const printer = printerFor(def, opts.crd);
  const ctx = { nowMs: opts.nowMs };
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: opts.resourceVersion ?? '' },
    columnDefinitions: printer.columns,
    rows: objects.map((o) => ({ cells: printer.row(o, ctx), object: o })),
  };
}

/** The CRD object serving a custom resource kind, if any. */
export function crdFor(def: Pick<KindDef, 'group' | 'resource'>, peek: (key: string, ns: string, name: string) => KubeObject | undefined): KubeObject | undefined {
  if (BUILTIN_GROUPS.has(def.group)) return undefined;
  return peek('customresourcedefinitions.apiextensions.k8s.io', '', `${def.resource}.${def.group}`);
}
