import type { NetworkService } from '../network/service';
import { NETWORK_SERVICE } from '../network/service';

/**
 * What the kubelet needs from the cluster network (registered by
 * installNetworking as `ctx.services.get('network')`): container processes
 * and `kubectl exec` commands (wget, curl, nc, nslookup, ping) send traffic
 * through it, and /etc/resolv.conf + /etc/hosts inside containers come from it.
 * The kubelet uses it only when present: without a network, outbound calls
 * fail with `no such host` / `connection refused` text from the tool.
 */
export type KubeletNetworkPort = Pick<NetworkService, 'request' | 'tcpConnect' | 'dnsLookup' | 'ping' | 'resolvConf' | 'hostsFile'>;

export function findNetwork(services: Map<string, unknown>): KubeletNetworkPort | undefined {
  return services.get(NETWORK_SERVICE) as KubeletNetworkPort | undefined;
}
