/** describeNode, describeNamespace, describeService, describeConfigMap, describeSecret, describeServiceAccount (describe.go). */
import type { KubeObject } from '../../api/types';
import { PrefixWriter, LEVEL_0, LEVEL_1 } from './writer';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './common';
import { formatLabels } from '../printers/helpers';
import { nodeRoles } from '../printers/kinds/cluster';
import { ageSince } from '../util/duration';
import { formatQuantity, milliValue, parseQuantity, sumQuantities, type Quantity } from './quantity';
import type { DescribeEnv } from './workloads';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function describeService(svc: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).join(',') || '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).join(',') || '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress: any[] = svc.status?.loadBalancer?.ingress ?? [];
  // buildIngressString: IP (or hostname), then ` (ipMode)` when set
  if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => `${i.ip || i.hostname || ''}${i.ipMode ? ` (${i.ipMode})` : ''}`).join(', ')}\n`);
  const slices = env.list('endpointslices.discovery.k8s.io', svc.metadata.namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${p.protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? p.port}/${p.protocol}\n`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

/** formatEndpointSlices (describe.go): up to 3 `ip:port`, then ` + N more...`. */
function formatEndpointSlices(slices: KubeObject[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (s: string) => {
    if (list.length === 3) more = true;
    if (!more) list.push(s);
    count++;
  };
  for (const s of slices) {
    const ports: any[] = s.ports ?? [];
    if (ports.length === 0) for (const e of s.endpoints ?? []) add(e.addresses[0]);
    for (const p of ports) {
      if ((p.name ?? '') !== portName) continue;
      for (const e of s.endpoints ?? []) add(e.addresses[0].includes(':') ? `[${e.addresses[0]}]:${p.port}` : `${e.addresses[0]}:${p.port}`);
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - 3} more...` : ret;
}

export function describeNode(node: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  const st = node.status ?? {};
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node)}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp!)}\n`);
  const taints: any[] = [...(node.spec?.taints ?? [])].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1));
  w.write(LEVEL_0, 'Taints:\t');
  if (taints.length === 0) w.line('<none>');
  taints.forEach((t, i) => w.write(LEVEL_0, `${i ? '\t' : ''}${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`));
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  const lease = env.list('leases.coordination.k8s.io', 'kube-node-lease').find((l) => l.metadata.name === node.metadata.name);
  if (lease) {
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
    w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  }
  if ((st.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as [string, Record<string, string>][]) {
    if (!list || Object.keys(list).length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const k of Object.keys(list).sort()) w.write(LEVEL_0, `  ${k}:\t${list[k]}\n`);
  }
  const info = st.nodeInfo ?? {};
  w.write(LEVEL_0, 'System Info:\n');
  for (const [label, key] of [['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'], ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'], ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion']]) {
    w.write(LEVEL_0, `  ${label}:\t${info[key] ?? ''}\n`);
  }
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
  const pods = env.list('pods').filter((p) => p.spec?.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  describeNodeResource(w, node, pods, env.nowMs);
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a max. */
export function podRequestsAndLimits(pod: KubeObject): { req: Record<string, Quantity>; lim: Record<string, Quantity> } {
  const req: Record<string, Quantity> = {};
  const lim: Record<string, Quantity> = {};
  const add = (into: Record<string, Quantity>, m: Record<string, string> | undefined) => {
    for (const [k, v] of Object.entries(m ?? {})) into[k] = sumQuantities([into[k] ?? { value: 0, binary: parseQuantity(v).binary }, parseQuantity(v)]);
  };
  for (const c of pod.spec?.containers ?? []) {
    add(req, c.resources?.requests ?? c.resources?.limits);
    add(lim, c.resources?.limits);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [into, m] of [[req, c.resources?.requests ?? c.resources?.limits], [lim, c.resources?.limits]] as [Record<string, Quantity>, Record<string, string>][]) {
      for (const [k, v] of Object.entries(m ?? {})) {
        const q = parseQuantity(v);
        if (!into[k] || into[k].value < q.value) into[k] = q;
      }
    }
  }
  return { req, lim };
}

function pct(q: Quantity | undefined, alloc: Quantity, cpu: boolean): string {
  const v = q ?? { value: 0, binary: false };
  const a = cpu ? milliValue(alloc) : alloc.value;
  const f = a === 0 ? 0 : Math.trunc(((cpu ? milliValue(v) : v.value) / a) * 100);
  return `${formatQuantity(v)} (${f}%)`;
}

function describeNodeResource(w: PrefixWriter, node: KubeObject, pods: KubeObject[], nowMs: number): void {
  const allocList: Record<string, string> = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : node.status?.capacity ?? {};
  const alloc = (k: string) => parseQuantity(allocList[k]);
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totReq: Record<string, Quantity[]> = {};
  const totLim: Record<string, Quantity[]> = {};
  for (const p of pods) {
    const { req, lim } = podRequestsAndLimits(p);
    for (const [k, v] of Object.entries(req)) (totReq[k] ??= []).push(v);
    for (const [k, v] of Object.entries(lim)) (totLim[k] ??= []).push(v);
    w.write(LEVEL_1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${pct(req.cpu, alloc('cpu'), true)}\t${pct(lim.cpu, alloc('cpu'), true)}\t${pct(req.memory, alloc('memory'), false)}\t${pct(lim.memory, alloc('memory'), false)}\t${ageSince(p.metadata.creationTimestamp, nowMs)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const total = (m: Record<string, Quantity[]>, k: string) => (m[k] ? sumQuantities(m[k]) : undefined);
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    w.write(LEVEL_1, `${r}\t${pct(total(totReq, r), alloc(r), r === 'cpu')}\t${pct(total(totLim, r), alloc(r), r === 'cpu')}\n`);
  }
  const keys = Object.keys(allocList).sort();
  for (const r of keys.filter((k) => k.startsWith('hugepages-'))) w.write(LEVEL_1, `${r}\t${pct(total(totReq, r), alloc(r), false)}\t${pct(total(totLim, r), alloc(r), false)}\n`);
  for (const r of keys.filter((k) => k.includes('/') && !k.startsWith('hugepages-'))) {
    w.write(LEVEL_1, `${r}\t${formatQuantity(total(totReq, r) ?? { value: 0, binary: false })}\t${formatQuantity(total(totLim, r) ?? { value: 0, binary: false })}\n`);
  }
}

export function describeNamespace(ns: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const quotas = env.list('resourcequotas', ns.metadata.name);
  w.write(LEVEL_0, '\n');
  if (quotas.length === 0) w.write(LEVEL_0, 'No resource quota.\n');
  else {
    w.write(LEVEL_0, 'Resource Quotas\n');
    for (const q of quotas) {
      w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`);
      if ((q.spec?.scopes ?? []).length > 0) {
        const scopes: string[] = [...q.spec.scopes].sort();
        w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
        for (const sc of scopes) if (quotaScopeHelp(sc)) w.write(LEVEL_1, `* ${quotaScopeHelp(sc)}\n`);
      }
      w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
      w.write(LEVEL_1, '--------\t---\t---\n');
      const hard = q.status?.hard ?? {};
      for (const r of Object.keys(hard).sort()) w.write(LEVEL_1, `${r}\t${q.status?.used?.[r] ?? '0'}\t${hard[r]}\n`);
    }
  }
  const limits = env.list('limitranges', ns.metadata.name);
  w.write(LEVEL_0, '\n');
  if (limits.length === 0) w.write(LEVEL_0, 'No LimitRange resource.\n');
  else {
    w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    for (const lr of limits) for (const item of lr.spec?.limits ?? []) limitRangeRows(w, item, ' ');
  }
  return w.toString();
}

/** describeLimitRangeSpec rows: one per resource name, sorted. */
export function limitRangeRows(w: PrefixWriter, item: any, prefix: string): void {
  const names = new Set<string>();
  for (const k of ['min', 'max', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const r of Object.keys(item[k] ?? {})) names.add(r);
  for (const r of [...names].sort()) {
    const v = (k: string) => item[k]?.[r] ?? '-';
    w.write(LEVEL_0, `${prefix}${item.type}\t${r}\t${v('min')}\t${v('max')}\t${v('defaultRequest')}\t${v('default')}\t${v('maxLimitRequestRatio')}\n`);
  }
}

export function describeConfigMap(cm: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', cm.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data[k]}\n`);
    w.write(LEVEL_0, '\n');
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${base64Length(cm.binaryData[k])} bytes\n`);
  w.write(LEVEL_0, '\n');
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

function base64Length(s: string): number {
  const clean = String(s).replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

export function describeSecret(s: KubeObject): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', s.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(LEVEL_0, `\nType:\t${s.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(s.data ?? {}).sort()) {
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${atobSafe(s.data[k])}\n`);
    else w.write(LEVEL_0, `${k}:\t${base64Length(s.data[k])} bytes\n`);
  }
  return w.toString();
}

function atobSafe(s: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

export function describeServiceAccount(sa: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', sa.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
  const tokens = env.list('secrets', sa.metadata.namespace).filter((s) => s.type === 'kubernetes.io/service-account-token' && s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name);
  const groups: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s: any) => s.name)],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s: any) => s.name)],
    ['Tokens:            ', tokens.map((t) => t.metadata.name!)],
  ];
  for (const [header, names] of groups) {
    if (names.length === 0) w.write(LEVEL_0, `${header}\t<none>\n`);
    names.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? header : '                   '}\t${name}\n`));
  }
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

/** helpTextForResourceQuotaScope (describe.go). */
export function quotaScopeHelp(scope: string): string {
  switch (scope) {
    case 'Terminating': return 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.';
    case 'NotTerminating': return 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.';
    case 'BestEffort': return 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.';
    case 'NotBestEffort': return 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.';
    default: return '';
  }
}
