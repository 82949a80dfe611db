import type { Json, KubeObject } from '../../api/types';
import { CLUSTER_DNS_IP, CLUSTER_DOMAIN } from './cluster-dns';

/** A resolver configuration (what /etc/resolv.conf says). */
export interface ResolverConfig {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** True when the first nameserver is cluster DNS (kube-dns ClusterIP). */
  clusterDns: boolean;
}

/** The node's own resolver (what dnsPolicy Default gives a pod): an upstream resolver, no cluster names. */
export const NODE_RESOLVER: ResolverConfig = { nameservers: ['8.8.8.8'], search: [], ndots: 1, clusterDns: false };

/**
 * The pod's resolv.conf as the kubelet builds it (pkg/kubelet/network/dns:
 * GetPodDNS): ClusterFirst (hostNetwork pods fall back to Default unless
 * ClusterFirstWithHostNet), Default, None; then dnsConfig merged in
 * (nameservers/searches appended, options overriding by name).
 */
export function podResolverConfig(pod: KubeObject): ResolverConfig {
  const spec = pod.spec ?? {};
  const policy: string = spec.dnsPolicy ?? 'ClusterFirst';
  const ns = pod.metadata.namespace ?? 'default';
  let cfg: ResolverConfig;
  const clusterFirst = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !spec.hostNetwork);
  if (clusterFirst) {
    cfg = { nameservers: [CLUSTER_DNS_IP], search: [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN], ndots: 5, clusterDns: true };
  } else if (policy === 'None') {
    cfg = { nameservers: [], search: [], ndots: 1, clusterDns: false };
  } else {
    cfg = { ...NODE_RESOLVER, nameservers: [...NODE_RESOLVER.nameservers], search: [] };
  }
  const dc: Json = spec.dnsConfig;
  if (dc) {
    cfg.nameservers = [...cfg.nameservers, ...(dc.nameservers ?? [])].slice(0, 3);
    cfg.search = [...cfg.search, ...(dc.searches ?? [])].slice(0, 32);
    for (const o of dc.options ?? []) if (o?.name === 'ndots' && o.value !== undefined) cfg.ndots = Number(o.value);
  }
  cfg.clusterDns = cfg.nameservers[0] === CLUSTER_DNS_IP;
  return cfg;
}

/** /etc/resolv.conf text in the order containerd writes it. */
export function resolvConfText(pod: KubeObject): string {
  const cfg = podResolverConfig(pod);
  const lines: string[] = [];
  if (cfg.search.length) lines.push(`search ${cfg.search.join(' ')}`);
  for (const n of cfg.nameservers) lines.push(`nameserver ${n}`);
  const options = optionsOf(pod, cfg);
  if (options.length) lines.push(`options ${options.join(' ')}`);
  return lines.join('\n') + '\n';
}

function optionsOf(pod: KubeObject, cfg: ResolverConfig): string[] {
  const out = new Map<string, string>();
  if (cfg.clusterDns && (pod.spec?.dnsPolicy ?? 'ClusterFirst') !== 'None') out.set('ndots', 'ndots:5');
  for (const o of pod.spec?.dnsConfig?.options ?? []) {
    if (o?.name) out.set(o.name, o.value !== undefined ? `${o.name}:${o.value}` : o.name);
  }
  return [...out.values()];
}

/** /etc/hosts as the kubelet writes it (managedHostsFileContent in pkg/kubelet/kubelet_pods.go). */
export function hostsFileText(pod: KubeObject): string {
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  const ip = pod.status?.podIP;
  const hostname = pod.spec?.hostname ?? pod.metadata.name;
  if (ip && !pod.spec?.hostNetwork) {
    const sub = pod.spec?.subdomain;
    lines.push(sub ? `${ip}\t${hostname}.${sub}.${pod.metadata.namespace}.svc.${CLUSTER_DOMAIN}\t${hostname}` : `${ip}\t${hostname}`);
  }
  const aliases: Json[] = pod.spec?.hostAliases ?? [];
  if (aliases.length) {
    lines.push('', '# Entries added by HostAliases.');
    for (const a of aliases) lines.push(`${a.ip}\t${(a.hostnames ?? []).join('\t')}`);
  }
  return lines.join('\n') + '\n';
}

/** Names /etc/hosts resolves for a pod (lower-case name → IPv4). */
export function podHostEntries(pod: KubeObject): Map<string, string> {
  const m = new Map<string, string>([['localhost', '127.0.0.1']]);
  const ip = pod.status?.podIP;
  if (ip && !pod.spec?.hostNetwork) {
    const hostname = String(pod.spec?.hostname ?? pod.metadata.name).toLowerCase();
    m.set(hostname, ip);
    const sub = pod.spec?.subdomain;
    if (sub) m.set(`${hostname}.${sub}.${pod.metadata.namespace}.svc.${CLUSTER_DOMAIN}`, ip);
  }
  for (const a of pod.spec?.hostAliases ?? []) for (const h of a.hostnames ?? []) if (!m.has(String(h).toLowerCase())) m.set(String(h).toLowerCase(), a.ip);
  return m;
}

/**
 * The names a stub resolver (musl/glibc getaddrinfo) tries, in order: a
 * trailing dot means absolute; fewer dots than ndots tries the search list
 * first, otherwise the name itself first.
 */
export function searchCandidates(name: string, cfg: ResolverConfig): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const withSearch = cfg.search.map((d) => `${name}.${d}`);
  const dots = (name.match(/\./g) ?? []).length;
  return dots >= cfg.ndots ? [name, ...withSearch] : [...withSearch, name];
}
