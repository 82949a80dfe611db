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
  return [
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
