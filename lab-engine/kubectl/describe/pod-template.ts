/** DescribePodTemplate and the controller pod counts (describe.go). */
import type { KubeObject } from '../../api/types';
import { PrefixWriter, LEVEL_0, LEVEL_1 } from './writer';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './common';
import { describeContainers, describeVolumes } from './containers';
import { topologySpread } from './pod';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function describePodTemplate(w: PrefixWriter, template: any): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec ?? {};
  printLabelsMultiline(w, 'Labels', meta.labels, '  ');
  if (Object.keys(meta.annotations ?? {}).length > 0) printAnnotationsMultiline(w, 'Annotations', meta.annotations, '  ');
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers, null, null, '  ');
  describeContainers(w, 'Containers', spec.containers ?? [], null, null, '  ');
  describeVolumes(w, spec.volumes, '  ');
  topologySpread(w, spec.topologySpreadConstraints, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector, '  ');
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations, '  ');
}

/** getPodStatusForController: pods controlled by `owner`, counted by phase. */
export function podCounts(pods: KubeObject[], owner: KubeObject): { running: number; waiting: number; succeeded: number; failed: number } {
  const r = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const p of pods) {
    const ref = (p.metadata.ownerReferences ?? []).find((o) => o.controller);
    if (!ref || ref.uid !== owner.metadata.uid) continue;
    switch (p.status?.phase) {
      case 'Running': r.running++; break;
      case 'Pending': r.waiting++; break;
      case 'Succeeded': r.succeeded++; break;
      case 'Failed': r.failed++; break;
    }
  }
  return r;
}

export function conditionsTable(w: PrefixWriter, conditions: any[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}
