/** Fixtures behind the describe recordings of kubectl-fidelity.md §6.6 (now = 2026-11-21T23:51:50Z). */
import type { KubeObject } from '../../api/types';

export const DESCRIBE_NOW = Date.parse('2026-11-21T23:51:50Z');

const saVolume = {
  name: 'kube-api-access-x8k2z',
  projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }, { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } }] },
};
const tolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];
const mounts = [{ name: 'kube-api-access-x8k2z', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }];
const conds = (ready: string) => ['PodReadyToStartContainers:True', 'Initialized:True', `Ready:${ready}`, `ContainersReady:${ready}`, 'PodScheduled:True'].map((s) => ({ type: s.split(':')[0], status: s.split(':')[1] }));

function podBase(name: string, labels: Record<string, string>, start: string): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', labels, creationTimestamp: start, uid: `uid-${name}` },
    spec: {
      containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], volumeMounts: mounts }],
      nodeName: 'node-1', priority: 0, serviceAccountName: 'default', tolerations, volumes: [saVolume],
    },
    status: { phase: 'Running', hostIP: '192.168.49.2', startTime: start, qosClass: 'BestEffort' },
  };
}

export function describeFixture(): KubeObject[] {
  const web = podBase('web-7c5ddbdf54-abcde', { app: 'web', 'pod-template-hash': '7c5ddbdf54' }, '2026-11-21T22:52:00Z');
  web.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7c5ddbdf54', uid: 'uid-rs', controller: true, blockOwnerDeletion: true }];
  Object.assign(web.status, { podIP: '10.244.0.5', podIPs: [{ ip: '10.244.0.5' }], conditions: conds('True'),
    containerStatuses: [{ name: 'nginx', containerID: 'containerd://4f1c', image: 'nginx:1.25', imageID: 'docker.io/library/nginx@sha256:abcd', ready: true, restartCount: 0, started: true, state: { running: { startedAt: '2026-11-21T22:52:10Z' } }, lastState: {} }] });
  const crashy = podBase('crashy', { run: 'crashy' }, '2026-11-21T23:36:50Z');
  Object.assign(crashy.status, { podIP: '10.244.0.7', podIPs: [{ ip: '10.244.0.7' }], conditions: conds('False'),
    containerStatuses: [{ name: 'nginx', containerID: 'containerd://4f1c', image: 'nginx:1.25', imageID: 'docker.io/library/nginx@sha256:abcd', ready: false, restartCount: 5, started: false, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2026-11-21T23:36:50Z', finishedAt: '2026-11-21T23:46:50Z' } } }] });
  const ev = (name: string, kind: string, obj: string, reason: string, msg: string, type: string, comp: string, first: string, last: string, count: number): KubeObject => ({
    apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default', creationTimestamp: first },
    involvedObject: { kind, name: obj, namespace: 'default', uid: `uid-${obj}`, apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1' },
    reason, message: msg, type, source: { component: comp }, firstTimestamp: first, lastTimestamp: last, count,
  });
  const tmpl = (hash?: string) => ({
    metadata: { labels: hash ? { app: 'web', 'pod-template-hash': hash } : { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
  });
  const rs = (name: string, hash: string, rev: string, replicas: number): KubeObject => ({
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: '2026-11-21T22:51:00Z', annotations: { 'deployment.kubernetes.io/revision': rev },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }] },
    spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: tmpl(hash) },
    status: { replicas },
  });
  const deploy: KubeObject = {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '2' }, creationTimestamp: '2026-11-21T21:51:50Z', generation: 2 },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, minReadySeconds: 0, template: tmpl() },
    status: { observedGeneration: 2, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2,
      conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }] },
  };
  const dev = (name: string, msg: string, at: string): KubeObject => ({
    apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default', creationTimestamp: at },
    involvedObject: { kind: 'Deployment', name: 'web', namespace: 'default', uid: 'uid-web', apiVersion: 'apps/v1' },
    reason: 'ScalingReplicaSet', message: msg, type: 'Normal', source: { component: 'deployment-controller' }, firstTimestamp: at, lastTimestamp: at, count: 1,
  });
  const fghij = podBase('web-7c5ddbdf54-fghij', { app: 'web', 'pod-template-hash': '7c5ddbdf54' }, '2026-11-21T22:52:00Z');
  const cond = (type: string, status: string, reason: string, message: string, trans: string) => ({ type, status, reason, message, lastHeartbeatTime: '2026-11-21T23:51:20Z', lastTransitionTime: trans });
  const res = { cpu: '4', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8023840Ki', pods: '110' };
  const node: KubeObject = {
    apiVersion: 'v1', kind: 'Node',
    metadata: {
      name: 'node-1', creationTimestamp: '2026-11-18T23:51:50Z',
      labels: { 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'node-1', 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' },
      annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock', 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] },
    status: {
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', '2026-11-18T23:51:50Z'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', '2026-11-18T23:51:50Z'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', '2026-11-18T23:51:50Z'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', '2026-11-18T23:52:10Z'),
      ],
      addresses: [{ type: 'InternalIP', address: '192.168.49.2' }, { type: 'Hostname', address: 'node-1' }],
      capacity: res, allocatable: res,
      nodeInfo: { machineID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', systemUUID: 'a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90', bootID: 'b1c2d3e4-0000-1111-2222-333344445555', kernelVersion: '6.8.0-1015-gcp', osImage: 'Ubuntu 22.04.5 LTS', operatingSystem: 'linux', architecture: 'amd64', containerRuntimeVersion: 'containerd://1.7.24', kubeletVersion: 'v1.32.4', kubeProxyVersion: 'v1.32.4' },
    },
  };
  const lease: KubeObject = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node-1', renewTime: '2026-11-21T23:51:50.000000Z' } };
  return [
    node, lease, fghij,
    deploy, rs('web-6d4cf56db6', '6d4cf56db6', '1', 0), rs('web-7c5ddbdf54', '7c5ddbdf54', '2', 2),
    dev('d1', 'Scaled up replica set web-7c5ddbdf54 from 0 to 1', '2026-11-21T22:51:50Z'),
    dev('d2', 'Scaled down replica set web-6d4cf56db6 from 2 to 1', '2026-11-21T22:52:30Z'),
    web, crashy,
    ev('e1', 'Pod', 'web-7c5ddbdf54-abcde', 'Scheduled', 'Successfully assigned default/web-7c5ddbdf54-abcde to node-1', 'Normal', 'default-scheduler', '2026-11-21T22:52:00Z', '2026-11-21T22:52:00Z', 1),
    ev('e2', 'Pod', 'web-7c5ddbdf54-abcde', 'Pulled', 'Container image "nginx:1.25" already present on machine', 'Normal', 'kubelet', '2026-11-21T22:52:01Z', '2026-11-21T22:52:01Z', 1),
    ev('e3', 'Pod', 'web-7c5ddbdf54-abcde', 'Created', 'Created container: nginx', 'Normal', 'kubelet', '2026-11-21T22:52:02Z', '2026-11-21T22:52:02Z', 1),
    ev('e4', 'Pod', 'web-7c5ddbdf54-abcde', 'Started', 'Started container nginx', 'Normal', 'kubelet', '2026-11-21T22:52:03Z', '2026-11-21T22:52:03Z', 1),
    ev('e5', 'Pod', 'crashy', 'BackOff', 'Back-off restarting failed container nginx in pod crashy_default(9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d)', 'Warning', 'kubelet', '2026-11-21T23:38:00Z', '2026-11-21T23:51:28Z', 42),
    {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, creationTimestamp: '2026-11-21T21:55:00Z' },
      spec: { type: 'ClusterIP', selector: { app: 'web' }, clusterIP: '10.96.120.15', clusterIPs: ['10.96.120.15'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4', ports: [{ name: '', port: 80, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.244.0.5'], conditions: { ready: true } }, { addresses: ['10.244.0.6'], conditions: { ready: true } }],
    },
    {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-np', namespace: 'default', creationTimestamp: '2026-11-21T23:41:50Z' },
      spec: { type: 'NodePort', selector: { app: 'web' }, clusterIP: '10.96.33.44', clusterIPs: ['10.96.33.44'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080 }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' },
      status: { loadBalancer: {} },
    },
  ];
}
