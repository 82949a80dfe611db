import type { KubeObject } from '../../api/types';
import type { DnsRecord } from '../service';
import type { NetworkIndex, ServiceEndpoint } from '../model/network-index';
import { dashedIP, isIPv4 } from '../ip';

export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS_IP = '10.96.0.10';

export type QueryType = 'A' | 'AAAA' | 'SRV' | 'PTR';

export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: DnsRecord[];
}

const NX: DnsAnswer = { rcode: 'NXDOMAIN', answers: [] };
const NODATA: DnsAnswer = { rcode: 'NOERROR', answers: [] };

/**
 * CoreDNS's `kubernetes` plugin for the cluster.local zone as kubeadm
 * configures it (`pods insecure`, no endpoint_pod_names): services, headless
 * endpoints by hostname or dashed IP, pod A records, ExternalName CNAMEs,
 * SRV for named ports and PTR for service and endpoint IPs. Names outside
 * the zone would be forwarded upstream; the simulated cluster has no
 * internet, so they are NXDOMAIN.
 */
export class ClusterDns {
  constructor(private readonly index: NetworkIndex) {}

  query(name: string, type: QueryType): DnsAnswer {
    const fqdn = name.replace(/\.$/, '').toLowerCase();
    if (type === 'PTR') return this.ptr(fqdn);
    const svcSuffix = `.svc.${CLUSTER_DOMAIN}`;
    const podSuffix = `.pod.${CLUSTER_DOMAIN}`;
    if (fqdn.endsWith(svcSuffix)) return this.service(fqdn, fqdn.slice(0, -svcSuffix.length).split('.'), type);
    if (fqdn.endsWith(podSuffix)) return this.pod(fqdn, fqdn.slice(0, -podSuffix.length).split('.'), type);
    return NX;
  }

  private service(fqdn: string, labels: string[], type: QueryType): DnsAnswer {
    if (labels.length === 2 || (type === 'SRV' && labels.length === 4)) {
      const [svcName, ns] = labels.slice(-2);
      const svc = this.index.service(ns, svcName);
      if (!svc) return NX;
      if (type === 'SRV') return this.srv(fqdn, svc, labels[0], labels[1]);
      return this.serviceRecords(fqdn, svc, type);
    }
    if (labels.length === 3) {
      const [host, svcName, ns] = labels;
      const svc = this.index.service(ns, svcName);
      if (!svc || svc.spec?.clusterIP !== 'None') return NX;
      const ep = this.dnsEndpoints(svc).find((e) => (e.hostname ?? dashedIP(e.ip)) === host);
      if (!ep) return NX;
      return type === 'A' ? { rcode: 'NOERROR', answers: [{ name: fqdn, type: 'A', value: ep.ip }] } : NODATA;
    }
    return NX;
  }

  private serviceRecords(fqdn: string, svc: KubeObject, type: QueryType): DnsAnswer {
    if (svc.spec?.type === 'ExternalName') {
      return { rcode: 'NOERROR', answers: [{ name: fqdn, type: 'CNAME', value: String(svc.spec.externalName).replace(/\.$/, '') }] };
    }
    if (type !== 'A') return NODATA;
    if (svc.spec?.clusterIP === 'None') {
      const eps = this.dnsEndpoints(svc);
      return { rcode: 'NOERROR', answers: eps.map((e) => ({ name: fqdn, type: 'A' as const, value: e.ip })) };
    }
    return { rcode: 'NOERROR', answers: [{ name: fqdn, type: 'A', value: svc.spec.clusterIP }] };
  }

  /** `_port._proto.svc.ns.svc.cluster.local`: one SRV per matching named port (per endpoint when headless). */
  private srv(fqdn: string, svc: KubeObject, portLabel: string, protoLabel: string): DnsAnswer {
    const port = (svc.spec?.ports ?? []).find(
      (p: { name?: string; protocol?: string }) => `_${p.name ?? ''}` === portLabel && `_${(p.protocol ?? 'TCP').toLowerCase()}` === protoLabel,
    );
    if (!port) return NX;
    const base = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
    if (svc.spec?.clusterIP !== 'None') return { rcode: 'NOERROR', answers: [{ name: fqdn, type: 'SRV', value: `0 100 ${port.port} ${base}` }] };
    const answers = this.dnsEndpoints(svc).map((e) => ({ name: fqdn, type: 'SRV' as const, value: `0 100 ${port.port} ${e.hostname ?? dashedIP(e.ip)}.${base}` }));
    return { rcode: 'NOERROR', answers };
  }

  private pod(fqdn: string, labels: string[], type: QueryType): DnsAnswer {
    if (labels.length !== 2) return NX;
    const ip = labels[0].replace(/-/g, '.');
    if (!isIPv4(ip)) return NX;
    return type === 'A' ? { rcode: 'NOERROR', answers: [{ name: fqdn, type: 'A', value: ip }] } : NODATA;
  }

  private ptr(fqdn: string): DnsAnswer {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(fqdn);
    if (!m) return NX;
    const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
    const svc = this.index.serviceByClusterIP(ip);
    if (svc) return { rcode: 'NOERROR', answers: [{ name: fqdn, type: 'PTR', value: `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}` }] };
    const pod = this.index.podByIP(ip);
    if (pod) {
      for (const s of this.headlessServicesOf(pod)) {
        const ep = this.dnsEndpoints(s).find((e) => e.ip === ip);
        if (ep) return { rcode: 'NOERROR', answers: [{ name: fqdn, type: 'PTR', value: `${ep.hostname ?? dashedIP(ip)}.${s.metadata.name}.${s.metadata.namespace}.svc.${CLUSTER_DOMAIN}` }] };
      }
    }
    return NX;
  }

  private headlessServicesOf(pod: KubeObject): KubeObject[] {
    const sub = pod.spec?.subdomain;
    const s = sub ? this.index.service(pod.metadata.namespace ?? '', sub) : undefined;
    return s && s.spec?.clusterIP === 'None' ? [s] : [];
  }

  /** Endpoints CoreDNS serves: ready ones (all of them with publishNotReadyAddresses, which marks them ready). */
  private dnsEndpoints(svc: KubeObject): ServiceEndpoint[] {
    return this.index.endpoints(svc.metadata.namespace ?? '', svc.metadata.name ?? '').filter((e) => e.ready);
  }
}
