/** describe.go layouts for Ingress, IngressClass, NetworkPolicy, Endpoints and EndpointSlice. */
import type { KubeObject } from '../../api/types';
import { PrefixWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from './writer';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import type { DescribeEnv } from './workloads';
import { formatLabelSelector } from '../printers/helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */

function backendText(env: DescribeEnv, ns: string, backend: any): string {
  const svcRef = backend?.service;
  if (!svcRef) return '<none>';
  const svc = env.list('services', ns).find((s) => s.metadata.name === svcRef.name);
  if (!svc) return `<error: services "${svcRef.name}" not found>`;
  let portName = '';
  for (const sp of svc.spec?.ports ?? []) {
    if (svcRef.port?.number && svcRef.port.number === sp.port) portName = sp.name ?? '';
    else if (svcRef.port?.name && svcRef.port.name === sp.name) portName = sp.name;
  }
  const slices = env.list('endpointslices.discovery.k8s.io', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svcRef.name);
  const eps: string[] = [];
  let count = 0;
  for (const s of slices) {
    for (const p of s.ports ?? []) {
      if ((p.name ?? '') !== portName) continue;
      for (const e of s.endpoints ?? []) {
        if (eps.length < 3) eps.push(`${e.addresses[0]}:${p.port}`);
        count++;
      }
    }
  }
  const list = slices.length === 0 ? '<none>' : count > 3 ? `${eps.join(',')} + ${count - 3} more...` : eps.join(',');
  const port = svcRef.port?.name ? svcRef.port.name : String(svcRef.port?.number ?? '');
  return `${svcRef.name}:${port} (${list})`;
}

export function describeIngress(ing: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  const ns = ing.metadata.namespace ?? 'default';
  const spec = ing.spec ?? {};
  w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ing.metadata.labels);
  w.write(LEVEL_0, `Namespace:\t${ns}\n`);
  const addrs = [...new Set((ing.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip || i.hostname).filter(Boolean))].sort();
  w.write(LEVEL_0, `Address:\t${addrs.join(',')}\n`);
  w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  w.write(LEVEL_0, spec.defaultBackend ? `Default backend:\t${backendText(env, ns, spec.defaultBackend)}\n` : 'Default backend:\t<default>\n');
  if ((spec.tls ?? []).length > 0) {
    w.write(LEVEL_0, 'TLS:\n');
    for (const t of spec.tls) {
      if (t.secretName) w.write(LEVEL_1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`);
      else w.write(LEVEL_1, `SNI routes ${(t.hosts ?? []).join(',')}\n`);
    }
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(LEVEL_1, '----\t----\t--------\n');
  let count = 0;
  for (const r of spec.rules ?? []) {
    if (!r.http) continue;
    count++;
    w.write(LEVEL_1, `${r.host || '*'}\t\n`);
    for (const p of r.http.paths ?? []) w.write(LEVEL_2, `\t${p.path ?? ''} \t${backendText(env, ns, p.backend)}\n`);
  }
  if (count === 0) w.write(LEVEL_1, `*\t*\t${spec.defaultBackend ? backendText(env, ns, spec.defaultBackend) : '<default>'}\n`);
  printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations);
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

/** Go's time.Time String() in UTC: `2026-11-21 23:51:50 +0000 UTC`. */
function goTimeString(ts: string | undefined): string {
  if (!ts) return '0001-01-01 00:00:00 +0000 UTC';
  return new Date(Date.parse(ts)).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' +0000 UTC');
}

export function describeNetworkPolicy(np: KubeObject): string {
  const w = new PrefixWriter();
  const spec = np.spec ?? {};
  w.write(LEVEL_0, `Name:\t${np.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace}\n`);
  w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', np.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', np.metadata.annotations);
  w.write(LEVEL_0, 'Spec:\n');
  w.write(LEVEL_1, 'PodSelector: ');
  const ps = spec.podSelector ?? {};
  if (Object.keys(ps.matchLabels ?? {}).length === 0 && (ps.matchExpressions ?? []).length === 0) w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
  else w.write(LEVEL_2, `${formatLabelSelector(ps)}\n`);
  const types: string[] = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.write(LEVEL_1, 'Allowing ingress traffic:\n');
    peerRules(w, spec.ingress ?? [], 'ingress');
  } else w.write(LEVEL_1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(LEVEL_1, 'Allowing egress traffic:\n');
    peerRules(w, spec.egress ?? [], 'egress');
  } else w.write(LEVEL_1, 'Not affecting egress traffic\n');
  w.write(LEVEL_1, `Policy Types: ${types.join(', ')}\n`);
  return w.toString();
}

/** printNetworkPolicySpecIngressFrom / EgressTo. */
function peerRules(w: PrefixWriter, rules: any[], dir: 'ingress' | 'egress'): void {
  const ind = '    ';
  if (rules.length === 0) {
    w.write(LEVEL_0, `${ind}<none> (Selected pods are isolated for ${dir} connectivity)\n`);
    return;
  }
  const peerKey = dir === 'ingress' ? 'from' : 'to';
  const peerTitle = dir === 'ingress' ? 'From' : 'To';
  rules.forEach((rule, i) => {
    const ports: any[] = rule.ports ?? [];
    if (ports.length === 0) w.write(LEVEL_0, `${ind}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      if (p.endPort === undefined) w.write(LEVEL_0, `${ind}To Port: ${p.port ?? '<nil>'}/${p.protocol ?? 'TCP'}\n`);
      else w.write(LEVEL_0, `${ind}To Port Range: ${p.port ?? '<nil>'}-${p.endPort}/${p.protocol ?? 'TCP'}\n`);
    }
    const peers: any[] = rule[peerKey] ?? [];
    if (peers.length === 0) w.write(LEVEL_0, `${ind}${peerTitle}: <any> (traffic not restricted by ${dir === 'ingress' ? 'source' : 'destination'})\n`);
    for (const peer of peers) {
      w.write(LEVEL_0, `${ind}${peerTitle}:\n`);
      if (peer.podSelector && peer.namespaceSelector) {
        w.write(LEVEL_1, `${ind}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
        w.write(LEVEL_1, `${ind}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (peer.podSelector) w.write(LEVEL_1, `${ind}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      else if (peer.namespaceSelector) w.write(LEVEL_1, `${ind}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      else if (peer.ipBlock) {
        w.write(LEVEL_1, `${ind}IPBlock:\n`);
        w.write(LEVEL_2, `${ind}CIDR: ${peer.ipBlock.cidr}\n`);
        w.write(LEVEL_2, `${ind}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, `${ind}----------\n`);
  });
}

/** describeEndpoints (describe.go). */
export function describeEndpoints(ep: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', ep.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const s of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(s.addresses ?? []).map((a: any) => a.ip).join(',') || '<none>'}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a: any) => a.ip).join(',') || '<none>'}\n`);
    if ((s.ports ?? []).length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of s.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

/** describeEndpointSliceV1 (describe.go). */
export function describeEndpointSlice(eps: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${eps.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', eps.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations);
  w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ''}\n`);
  const ports: any[] = eps.ports ?? [];
  if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
  else {
    w.write(LEVEL_0, 'Ports:\n');
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const p of ports) w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`);
  }
  const endpoints: any[] = eps.endpoints ?? [];
  if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
  else {
    w.write(LEVEL_0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
      w.write(LEVEL_2, 'Conditions:\n');
      w.write(LEVEL_3, `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}

/** describeIngressClassV1 (describe.go): no Namespace line. */
export function describeIngressClass(ic: KubeObject, env: DescribeEnv): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ic.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ic.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ic.metadata.annotations);
  w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
  const params = ic.spec?.parameters;
  if (params) {
    w.write(LEVEL_0, 'Parameters:\n');
    if (params.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${params.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${params.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${params.name ?? ''}\n`);
  }
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}
