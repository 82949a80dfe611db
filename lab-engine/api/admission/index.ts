import type { ClusterContext } from '../../sim/context';
import type { Topology } from '../../sim/topology';
import type { AdmissionPlugin } from '../store';
import { namespaceLifecycle } from './namespace-lifecycle';
import { serviceAccountAdmission } from './service-account';
import { priorityAdmission, SYSTEM_PRIORITY_CLASSES } from './priority';
import { defaultTolerationSeconds } from './default-toleration-seconds';
import { limitRanger } from './limit-ranger';
import { podSecurityAdmission } from './pod-security';
import { resourceQuotaAdmission } from './resource-quota';
import { installResourceQuotaController } from './resource-quota-controller';
import { installCrdController } from '../crd/controller';
import { bootstrapNamespaces } from '../bootstrap/namespaces';
import { installSecurity } from '../../security';
import { installAuditLog } from '../audit/audit-log';

/**
 * The admission chain in kube-apiserver's recommended plugin order
 * (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins); the store runs
 * every plugin's admit() (mutating) and then every validate().
 */
export const ADMISSION_PLUGINS: AdmissionPlugin[] = [
  namespaceLifecycle,
  limitRanger,
  serviceAccountAdmission,
  podSecurityAdmission,
  priorityAdmission,
  defaultTolerationSeconds,
  resourceQuotaAdmission,
];

/**
 * Installs admission and the objects the API server itself creates on boot
 * (system namespaces, system priority classes), plus the small controllers
 * that give every namespace its default ServiceAccount and kube-root-ca.crt.
 * Called once by sim/cluster.ts, before every other subsystem.
 */
export function installAdmission(ctx: ClusterContext, topology: Topology): void {
  ctx.store.admission.push(...ADMISSION_PLUGINS);
  bootstrapNamespaces(ctx.store);
  for (const pc of SYSTEM_PRIORITY_CLASSES) ctx.store.create(pc);
  installSecurity(ctx);
  // The apiserver's audit log, off unless the topology asks for it (kube-apiserver --audit-log-path).
  const audit = installAuditLog(ctx);
  if (topology.addons?.includes('audit-log')) audit.enable();
  installResourceQuotaController(ctx);
  installCrdController(ctx);
}
