/**
 * printRoleBinding/ClusterRoleBinding, printResourceQuota, printPriorityClass,
 * printPodDisruptionBudget, printHorizontalPodAutoscaler (printers.go).
 */
import type { KubeObject } from '../../../api/types';
import { type KindPrinter, col } from '../types';
import { age, num } from '../helpers';

/** rbac.SubjectsStrings. */
export function subjectsStrings(subjects: { kind: string; name: string; namespace?: string }[] | undefined): [string[], string[], string[]] {
  const users: string[] = [], groups: string[] = [], sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users, groups, sas];
}

export const roleBindingPrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Role', 'string', 0, 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.'),
    col('Age'),
    col('Users', 'string', 1, 'Users in the roleBinding'),
    col('Groups', 'string', 1, 'Groups in the roleBinding'),
    col('ServiceAccounts', 'string', 1, 'ServiceAccounts in the roleBinding'),
  ],
  row(o, ctx) {
    const [u, g, s] = subjectsStrings(o.subjects);
    return [o.metadata.name, `${o.roleRef?.kind ?? ''}/${o.roleRef?.name ?? ''}`, age(o, ctx.nowMs), u.join(', '), g.join(', '), s.join(', ')];
  },
};

export const clusterRoleBindingPrinter: KindPrinter = {
  columns: roleBindingPrinter.columns.map((c) => (c.name === 'Role' ? { ...c, description: 'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.' } : c)),
  row: roleBindingPrinter.row,
};

/** SortableResourceNames: plain string order. */
export const resourceQuotaPrinter: KindPrinter = {
  columns: [
    col('Name'), col('Age'),
    col('Request', 'string', 0, 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    col('Limit', 'string', 0, 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
  ],
  row(o, ctx) {
    const hard: Record<string, string> = o.status?.hard ?? {};
    const used: Record<string, string> = o.status?.used ?? {};
    const req: string[] = [], lim: string[] = [];
    for (const r of Object.keys(hard).sort()) {
      const pieces = r.split('.');
      const target = pieces.length > 1 && pieces[0] === 'limits' ? lim : req;
      target.push(`${r}: ${used[r] ?? '0'}/${hard[r]}`);
    }
    return [o.metadata.name, age(o, ctx.nowMs), req.join(', '), lim.join(', ')];
  },
};

export const priorityClassPrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Value', 'integer', 0, 'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.'),
    col('Global-Default', 'boolean', 0, 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.'),
    col('Age'),
    col('PreemptionPolicy', 'string', 0, 'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.'),
  ],
  row: (o, ctx) => [o.metadata.name, num(o.value), o.globalDefault ?? false, age(o, ctx.nowMs), o.preemptionPolicy ?? ''],
};

export const podDisruptionBudgetPrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Min Available', 'string', 0, 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 0, 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 0, 'Calculated number of pods that may be disrupted at this time.'),
    col('Age'),
  ],
  row(o, ctx) {
    const min = o.spec?.minAvailable;
    const max = o.spec?.maxUnavailable;
    return [o.metadata.name, min === undefined || min === null ? 'N/A' : String(min), max === undefined || max === null ? 'N/A' : String(max), num(o.status?.disruptionsAllowed), age(o, ctx.nowMs)];
  },
};

interface MetricSpec {
  type: string;
  resource?: { name: string; target?: { averageUtilization?: number; averageValue?: string } };
  containerResource?: { name: string; container: string; target?: { averageUtilization?: number; averageValue?: string } };
  pods?: { target?: { averageValue?: string } };
  object?: { target?: { value?: string; averageValue?: string } };
  external?: { target?: { value?: string; averageValue?: string } };
}

/** formatHPAMetrics: at most 2 entries, then ` + N more...`. */
export function formatHpaMetrics(hpa: KubeObject): string {
  let specs: MetricSpec[] = hpa.spec?.metrics ?? [];
  const statuses: Record<string, any>[] = hpa.status?.currentMetrics ?? [];
  // autoscaling/v1 objects carry targetCPUUtilizationPercentage instead of metrics.
  if (specs.length === 0 && hpa.spec?.targetCPUUtilizationPercentage !== undefined) {
    specs = [{ type: 'Resource', resource: { name: 'cpu', target: { averageUtilization: hpa.spec.targetCPUUtilizationPercentage } } }];
  }
  if (specs.length === 0) return '<none>';
  const list = specs.map((spec, i) => metricCell(spec, statuses[i]));
  if (list.length > 2) return `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...`;
  return list.join(', ');
}

function metricCell(spec: MetricSpec, status: Record<string, any> | undefined): string {
  switch (spec.type) {
    case 'Resource':
    case 'ContainerResource': {
      const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const cur = spec.type === 'Resource' ? status?.resource : status?.containerResource;
      if (src?.target?.averageValue !== undefined) return `${src.name}: ${cur?.current?.averageValue ?? '<unknown>'}/${src.target.averageValue}`;
      const current = cur?.current?.averageUtilization !== undefined ? `${cur.current.averageUtilization}%` : '<unknown>';
      const target = src?.target?.averageUtilization !== undefined ? `${src.target.averageUtilization}%` : '<auto>';
      return `${src?.name ?? ''}: ${current}/${target}`;
    }
    case 'Pods':
      return `${status?.pods?.current?.averageValue ?? '<unknown>'}/${spec.pods?.target?.averageValue ?? ''}`;
    case 'Object':
    case 'External': {
      const src = spec.type === 'Object' ? spec.object : spec.external;
      const cur = spec.type === 'Object' ? status?.object : status?.external;
      if (src?.target?.averageValue !== undefined) return `${cur?.current?.averageValue ?? '<unknown>'}/${src.target.averageValue} (avg)`;
      return `${cur?.current?.value ?? '<unknown>'}/${src?.target?.value ?? ''}`;
    }
  }
  return '<unknown type>';
}

export const horizontalPodAutoscalerPrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Reference', 'string', 0, 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.'),
    col('Targets', 'string', 0, 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond.'),
    col('MinPods', 'string', 0, 'minReplicas is the lower limit for the number of pods that can be set by the autoscaler, default 1.'),
    col('MaxPods', 'string', 0, 'maxReplicas is the upper limit for the number of pods that can be set by the autoscaler. It cannot be smaller than MinReplicas.'),
    col('Replicas', 'string', 0, 'currentReplicas is current number of replicas of pods managed by this autoscaler.'),
    col('Age'),
  ],
  row(o, ctx) {
    const ref = o.spec?.scaleTargetRef ?? {};
    const min = o.spec?.minReplicas;
    return [o.metadata.name, `${ref.kind ?? ''}/${ref.name ?? ''}`, formatHpaMetrics(o), min === undefined || min === null ? '<unset>' : String(min),
      num(o.spec?.maxReplicas), num(o.status?.currentReplicas), age(o, ctx.nowMs)];
  },
};
