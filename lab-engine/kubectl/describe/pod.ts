/** describePod (kubectl/pkg/describe/describe.go). */
import type { KubeObject } from '../../api/types';
import { PrefixWriter, LEVEL_0, LEVEL_1 } from './writer';
import { controllerOf, describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, rfc1123z } from './common';
import { describeContainers, describeVolumes } from './containers';
import { ageSince } from '../util/duration';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function describePod(pod: KubeObject, events: KubeObject[] | null, nowMs: number): string {
  const w = new PrefixWriter();
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${ageSince(pod.metadata.deletionTimestamp, nowMs)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  describePodIPs(w, pod, '');
  const ctrl = controllerOf(pod);
  if (ctrl) w.write(LEVEL_0, `Controlled By:\t${ctrl}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [], pod, '');
  describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses ?? [], pod, '');
  readinessGates(w, pod);
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(LEVEL_0, `QoS Class:\t${status.qosClass || podQos(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  topologySpread(w, spec.topologySpreadConstraints, '');
  if (events) describeEvents(w, events, nowMs);
  return w.toString();
}

function describePodIPs(w: PrefixWriter, pod: KubeObject, space: string): void {
  const ips: { ip: string }[] = pod.status?.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, `${space}IPs:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}IPs:\n`);
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}

function readinessGates(w: PrefixWriter, pod: KubeObject): void {
  const gates: { conditionType: string }[] = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return;
  w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
  for (const g of gates) {
    const c = (pod.status?.conditions ?? []).find((x: any) => x.type === g.conditionType);
    w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
  }
}

export function topologySpread(w: PrefixWriter, tscs: any[] | undefined, space: string): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    w.write(LEVEL_0, `${t.topologyKey}:`);
    w.write(LEVEL_0, `${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`);
    if (t.labelSelector) w.write(LEVEL_0, ` for selector ${selectorText(t.labelSelector)}`);
    w.write(LEVEL_0, '\n');
  });
}

function selectorText(sel: any): string {
  const parts = Object.keys(sel.matchLabels ?? {}).sort().map((k) => `${k}=${sel.matchLabels[k]}`);
  return parts.join(',');
}

/** qos.GetPodQOS. */
export function podQos(pod: KubeObject): string {
  const cs: any[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of cs) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
