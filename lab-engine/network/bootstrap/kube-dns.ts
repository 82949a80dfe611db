import type { ClusterContext } from '../../sim/context';
import { CLUSTER_DNS_IP } from '../dns/cluster-dns';

/**
 * kubeadm's CoreDNS add-on Service (cmd/kubeadm/app/phases/addons/dns/manifests.go):
 * `kube-system/kube-dns` at the 10th address of the service range. The
 * coredns Deployment it selects (k8s-app=kube-dns) is the controllers' bootstrap.
 */
export function bootstrapKubeDnsService(ctx: ClusterContext): void {
  ctx.store.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: CLUSTER_DNS_IP,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
    },
  });
}
