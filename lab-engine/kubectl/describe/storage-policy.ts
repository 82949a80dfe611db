/**
 * describe.go layouts for PersistentVolume, PersistentVolumeClaim, StorageClass,
 * ResourceQuota, LimitRange, PodDisruptionBudget, PriorityClass, HorizontalPodAutoscaler.
 */
import type { KubeObject } from '../../api/types';
import { PrefixWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from './writer';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './common';
import type { DescribeEnv } from './workloads';
import { accessModes, boolPtr, formatLabelSelector, formatLabels } from '../printers/helpers';
import { isDefaultStorageClass, storageClassOf } from '../printers/kinds/storage';
import { limitRangeRows, quotaScopeHelp } from './cluster';
import { formatQuantity, parseQuantity } from './quantity';
import { ageSince } from '../util/duration';

/* eslint-disable @typescript-eslint/no-explicit-any */
const goList = (l: string[] | undefined) => `[${(l ?? []).join(' ')}]`;

export function describePersistentVolume(pv: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  const spec = pv.spec ?? {};
  w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', pv.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(pv.metadata.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pv)}\n`);
  w.write(LEVEL_0, pv.metadata.deletionTimestamp ? `Status:\tTerminating (lasts ${ageSince(pv.metadata.deletionTimestamp, env.nowMs)})\n` : `Status:\t${pv.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${spec.capacity?.storage ?? '0'}\n`);
  w.write(LEVEL_0, 'Node Affinity:\t');
  const required = spec.nodeAffinity?.required;
  if (!required) w.write(LEVEL_0, '<none>\n');
  else {
    w.line('');
    w.write(LEVEL_1, 'Required Terms:\t');
    const terms: any[] = required.nodeSelectorTerms ?? [];
    if (terms.length === 0) w.line('<none>');
    else {
      w.line('');
      terms.forEach((t, i) => {
        w.write(LEVEL_2, `Term ${i}:\t`);
        const exprs: any[] = t.matchExpressions ?? [];
        if (exprs.length === 0) w.line('<none>');
        exprs.forEach((e, j) => {
          if (j !== 0) w.write(LEVEL_2, '\t');
          w.write(LEVEL_0, `${e.key} ${e.operator} [${(e.values ?? []).join(', ')}]\n`);
        });
      });
    }
  }
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(LEVEL_0, 'Source:\n');
  if (spec.hostPath) w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`);
  else if (spec.local) w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
  else if (spec.nfs) w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly === true}\n`);
  else if (spec.csi) w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${spec.csi.driver}\n    FSType:\t${spec.csi.fsType ?? ''}\n    VolumeHandle:\t${spec.csi.volumeHandle}\n    ReadOnly:\t${spec.csi.readOnly === true}\n    VolumeAttributes:\t${formatLabels(spec.csi.volumeAttributes)}\n`);
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

export function describePersistentVolumeClaim(pvc: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  const spec = pvc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace}\n`);
  w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pvc)}\n`);
  w.write(LEVEL_0, pvc.metadata.deletionTimestamp ? `Status:\tTerminating (lasts ${ageSince(pvc.metadata.deletionTimestamp, env.nowMs)})\n` : `Status:\t${pvc.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(pvc.metadata.finalizers)}\n`);
  const bound = !!spec.volumeName;
  w.write(LEVEL_0, `Capacity:\t${bound ? pvc.status?.capacity?.storage ?? '0' : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  const users = env.list('pods', pvc.metadata.namespace).filter((p) => (p.spec?.volumes ?? []).some((v: any) => v.persistentVolumeClaim?.claimName === pvc.metadata.name));
  w.write(LEVEL_0, 'Used By:\t');
  if (users.length === 0) w.line('<none>');
  users.forEach((p, i) => w.write(LEVEL_0, `${i ? '\t' : ''}${p.metadata.name}\n`));
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

export function describeStorageClass(sc: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`);
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultStorageClass(sc) ? 'Yes' : 'No'}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ''}\n`);
  w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${boolPtr(sc.allowVolumeExpansion)}\n`);
  const opts: string[] = sc.mountOptions ?? [];
  if (opts.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
  else {
    w.write(LEVEL_0, 'MountOptions:\n');
    for (const o of opts) w.write(LEVEL_1, `${o}\n`);
  }
  if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

export function describeResourceQuota(q: KubeObject): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${q.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${q.metadata.namespace}\n`);
  if ((q.spec?.scopes ?? []).length > 0) {
    const scopes = [...q.spec.scopes].sort();
    w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
    for (const sc of scopes) if (quotaScopeHelp(sc)) w.write(LEVEL_0, ` * ${quotaScopeHelp(sc)}\n`);
  }
  w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
  w.write(LEVEL_0, '--------\t----\t----\n');
  const hard: Record<string, string> = q.status?.hard ?? {};
  for (const r of Object.keys(hard).sort()) w.write(LEVEL_0, `${r}\t${q.status?.used?.[r] ?? '0'}\t${hard[r]}\n`);
  return w.toString();
}

export function describeLimitRange(lr: KubeObject): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${lr.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace}\n`);
  w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const item of lr.spec?.limits ?? []) limitRangeRows(w, item, '');
  return w.toString();
}

export function describePodDisruptionBudget(pdb: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  const spec = pdb.spec ?? {};
  const st = pdb.status ?? {};
  w.write(LEVEL_0, `Name:\t${pdb.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace}\n`);
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`);
  else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`);
  w.write(LEVEL_0, spec.selector ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : 'Selector:\t<unset>\n');
  w.write(LEVEL_0, 'Status:\n');
  w.write(LEVEL_2, `Allowed disruptions:\t${st.disruptionsAllowed ?? 0}\n`);
  w.write(LEVEL_2, `Current:\t${st.currentHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Desired:\t${st.desiredHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Total:\t${st.expectedPods ?? 0}\n`);
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

export function describePriorityClass(pc: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${pc.metadata.name}\n`);
  w.write(LEVEL_0, `Value:\t${pc.value ?? 0}\n`);
  w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
  w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

export function describeHorizontalPodAutoscaler(hpa: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  const spec = hpa.spec ?? {};
  const st = hpa.status ?? {};
  w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', hpa.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp!)}\n`);
  w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}\n`);
  w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
  (spec.metrics ?? []).forEach((m: any, i: number) => {
    const cur = (st.currentMetrics ?? [])[i];
    if (m.type === 'Resource' && m.resource) {
      if (m.resource.target?.averageValue !== undefined) {
        // Quantity.String(): canonical form ("0m" prints "0")
        const current = cur?.resource?.current?.averageValue;
        w.write(LEVEL_1, `resource ${m.resource.name} on pods:\t${current === undefined ? '<unknown>' : canonical(current)} / ${canonical(m.resource.target.averageValue)}\n`);
      } else {
        const c = cur?.resource?.current?.averageUtilization !== undefined ? `${cur.resource.current.averageUtilization}% (${canonical(cur.resource.current.averageValue ?? '0')})` : '<unknown>';
        const t = m.resource.target?.averageUtilization !== undefined ? `${m.resource.target.averageUtilization}%` : '<auto>';
        w.write(LEVEL_1, `resource ${m.resource.name} on pods  (as a percentage of request):\t${c} / ${t}\n`);
      }
    }
  });
  w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
  if (spec.behavior) {
    w.write(LEVEL_0, 'Behavior:\n');
    for (const [title, rules] of [['Scale Up', spec.behavior.scaleUp], ['Scale Down', spec.behavior.scaleDown]] as [string, any][]) {
      if (!rules) continue;
      w.write(LEVEL_1, `${title}:\n`);
      if (rules.stabilizationWindowSeconds !== undefined) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
      if ((rules.policies ?? []).length > 0) {
        w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
        w.write(LEVEL_2, 'Policies:\n');
        for (const p of rules.policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
      }
    }
  }
  w.write(LEVEL_0, `${spec.scaleTargetRef?.kind ?? ''} pods:\t`);
  w.write(LEVEL_0, `${st.currentReplicas ?? 0} current / ${st.desiredReplicas ?? 0} desired\n`);
  if ((st.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------\t-------\n');
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

const canonical = (q: string | number) => formatQuantity(parseQuantity(q));
