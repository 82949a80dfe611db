import type { KubeObject } from '../../api/types';

export const FLANNEL_IMAGE = 'docker.io/flannel/flannel:v0.26.1';
export const FLANNEL_CNI_PLUGIN_IMAGE = 'docker.io/flannel/flannel-cni-plugin:v1.5.1-flannel2';

const LABELS = { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' };

/** kube-flannel.yml v0.26.1 (flannel-io/flannel Documentation/kube-flannel.yml): the objects besides RBAC. */
export function flannelObjects(): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'flannel', namespace: 'kube-flannel', labels: { 'k8s-app': 'flannel' } } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-flannel-cfg', namespace: 'kube-flannel', labels: LABELS },
      data: {
        'cni-conf.json':
          '{\n  "name": "cbr0",\n  "cniVersion": "0.3.1",\n  "plugins": [\n    {\n      "type": "flannel",\n      "delegate": {\n        "hairpinMode": true,\n        "isDefaultGateway": true\n      }\n    },\n    {\n      "type": "portmap",\n      "capabilities": {\n        "portMappings": true\n      }\n    }\n  ]\n}\n',
        'net-conf.json': '{\n  "Network": "10.244.0.0/16",\n  "EnableNFTables": false,\n  "Backend": {\n    "Type": "vxlan"\n  }\n}\n',
      },
    },
    flannelDaemonSet(),
  ];
}

function flannelDaemonSet(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-flannel-ds', namespace: 'kube-flannel', labels: LABELS },
    spec: {
      selector: { matchLabels: { app: 'flannel' } },
      template: {
        metadata: { labels: { app: 'flannel', tier: 'node' } },
        spec: {
          affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] }] } } },
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
          serviceAccountName: 'flannel',
          initContainers: [
            { name: 'install-cni-plugin', image: FLANNEL_CNI_PLUGIN_IMAGE, command: ['cp'], args: ['-f', '/flannel', '/opt/cni/bin/flannel'], volumeMounts: [{ name: 'cni-plugin', mountPath: '/opt/cni/bin' }] },
            {
              name: 'install-cni',
              image: FLANNEL_IMAGE,
              command: ['cp'],
              args: ['-f', '/etc/kube-flannel/cni-conf.json', '/etc/cni/net.d/10-flannel.conflist'],
              volumeMounts: [
                { name: 'cni', mountPath: '/etc/cni/net.d' },
                { name: 'flannel-cfg', mountPath: '/etc/kube-flannel/' },
              ],
            },
          ],
          containers: [
            {
              name: 'kube-flannel',
              image: FLANNEL_IMAGE,
              command: ['/opt/bin/flanneld'],
              args: ['--ip-masq', '--kube-subnet-mgr'],
              resources: { requests: { cpu: '100m', memory: '50Mi' } },
              securityContext: { privileged: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } },
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'EVENT_QUEUE_DEPTH', value: '5000' },
              ],
              volumeMounts: [
                { name: 'run', mountPath: '/run/flannel' },
                { name: 'flannel-cfg', mountPath: '/etc/kube-flannel/' },
                { name: 'xtables-lock', mountPath: '/run/xtables.lock' },
              ],
            },
          ],
          volumes: [
            { name: 'run', hostPath: { path: '/run/flannel' } },
            { name: 'cni-plugin', hostPath: { path: '/opt/cni/bin' } },
            { name: 'cni', hostPath: { path: '/etc/cni/net.d' } },
            { name: 'flannel-cfg', configMap: { name: 'kube-flannel-cfg' } },
            { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
          ],
        },
      },
    },
  };
}
