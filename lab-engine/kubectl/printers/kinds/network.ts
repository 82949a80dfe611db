/** printService, printEndpoints, printEndpointSlice, printIngress, printIngressClass, printNetworkPolicy (printers.go). */
import type { KubeObject } from '../../../api/types';
import { type KindPrinter, col } from '../types';
import { age, formatLabelSelector, formatLabels } from '../helpers';

/** loadBalancerStatusStringer: deduplicated, sorted; the server always prints with Wide: true (no clipping). */
function lbIngress(status: { ingress?: { ip?: string; hostname?: string }[] } | undefined): string {
  const set = new Set<string>();
  for (const i of status?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

export function serviceExternalIP(svc: KubeObject): string {
  const spec = svc.spec ?? {};
  const externalIPs: string[] = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = lbIngress(svc.status?.loadBalancer);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

/** makePortString: `80/TCP`, `80:30080/TCP`. */
export function servicePorts(ports: { port: number; nodePort?: number; protocol?: string }[] | undefined): string {
  return (ports ?? []).map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');
}

export const servicePrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Type', 'string', 0, 'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types'),
    col('Cluster-IP', 'string', 0, 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    col('External-IP', 'string', 0, 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.'),
    col('Port(s)', 'string', 0, 'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies'),
    col('Age'),
    col('Selector', 'string', 1, 'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/'),
  ],
  row(o, ctx) {
    const spec = o.spec ?? {};
    const clusterIP = spec.clusterIPs?.[0] ?? '<none>';
    return [o.metadata.name, spec.type ?? '', clusterIP, serviceExternalIP(o), servicePorts(spec.ports) || '<none>', age(o, ctx.nowMs), formatLabels(spec.selector)];
  },
};

interface Subset {
  addresses?: { ip: string }[];
  ports?: { port: number; name?: string }[];
}

/** formatEndpoints: up to 3 `ip:port` then ` + N more...`; `<none>` without subsets. */
export function formatEndpoints(subsets: Subset[] | undefined): string {
  if (!subsets || subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) { more = true; break; }
        list.push(a.ip);
      }
      continue;
    }
    for (const p of ss.ports) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) { more = true; break; }
        list.push(a.ip.includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsPrinter: KindPrinter = {
  columns: [col('Name'), col('Endpoints', 'string', 0, 'Endpoints of the Endpoints'), col('Age')],
  row: (o, ctx) => [o.metadata.name, formatEndpoints(o.subsets), age(o, ctx.nowMs)],
};

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

export const endpointSlicePrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('AddressType', 'string', 0, 'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name. (Deprecated) The EndpointSlice controller only generates, and kube-proxy only processes, slices of addressType "IPv4" and "IPv6". No semantics are defined for the "FQDN" type.'),
    col('Ports', 'string', 0, 'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. Each slice may include a maximum of 100 ports. Services always have at least 1 port, so EndpointSlices generated by the EndpointSlice controller will likewise always have at least 1 port. EndpointSlices used for other purposes may have an empty ports list.'),
    col('Endpoints', 'string', 0, 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.'),
    col('Age'),
  ],
  row(o, ctx) {
    const ports: string[] = [];
    let pMore = false, pCount = 0;
    for (const p of o.ports ?? []) {
      if (ports.length < 3) ports.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name ?? '*');
      else if (ports.length === 3) pMore = true;
      pCount++;
    }
    const eps: string[] = [];
    let eMore = false, eCount = 0;
    for (const e of o.endpoints ?? []) {
      for (const a of e.addresses ?? []) {
        if (eps.length < 3) eps.push(a);
        else if (eps.length === 3) eMore = true;
        eCount++;
      }
    }
    return [o.metadata.name, o.addressType ?? '', listWithMore(ports, pMore, pCount, 3), listWithMore(eps, eMore, eCount, 3), age(o, ctx.nowMs)];
  },
};

export const ingressPrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Class', 'string', 0, 'The name of the IngressClass resource that should be used for this Ingress.'),
    col('Hosts', 'string', 0, 'Hosts that incoming requests are matched against before the ingress rule'),
    col('Address', 'string', 0, 'Address is a list containing ingress points for the load-balancer'),
    col('Ports', 'string', 0, 'Ports of TLS configurations that open'),
    col('Age'),
  ],
  row(o, ctx) {
    const rules: { host?: string }[] = o.spec?.rules ?? [];
    const list: string[] = [];
    let more = false;
    for (const r of rules) {
      if (list.length === 3) more = true;
      if (!more && r.host) list.push(r.host);
    }
    let hosts = list.length === 0 ? '*' : list.join(',');
    if (list.length > 0 && more) hosts = `${hosts} + ${rules.length - 3} more...`;
    const ports = (o.spec?.tls ?? []).length > 0 ? '80, 443' : '80';
    return [o.metadata.name, o.spec?.ingressClassName ?? '<none>', hosts, lbIngress(o.status?.loadBalancer), ports, age(o, ctx.nowMs)];
  },
};

export const ingressClassPrinter: KindPrinter = {
  columns: [
    col('Name'),
    col('Controller', 'string', 0, 'Controller that is responsible for handling this class'),
    col('Parameters', 'string', 0, 'A reference to a resource with additional parameters'),
    col('Age'),
  ],
  row(o, ctx) {
    const p = o.spec?.parameters;
    let params = '<none>';
    if (p) params = `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}`;
    return [o.metadata.name, o.spec?.controller ?? '', params, age(o, ctx.nowMs)];
  },
};

export const networkPolicyPrinter: KindPrinter = {
  columns: [col('Name'), col('Pod-Selector', 'string', 0, 'podSelector selects the pods to which this NetworkPolicy object applies. The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods. In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace.'), col('Age')],
  row: (o, ctx) => [o.metadata.name, formatLabelSelector(o.spec?.podSelector), age(o, ctx.nowMs)],
};
