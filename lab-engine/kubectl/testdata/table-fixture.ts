/**
 * The state behind the fidelity recordings of §7.2.5/§7.2.7 (kubectl-fidelity.md):
 * pods crashy / web-…-abcde / web-…-fghij on node-1, services kubernetes / web /
 * web-np, deployment web with two ReplicaSets, configmap kube-root-ca.crt.
 */
import type { KubeObject } from '../../api/types';
import { ago } from '../testing-fixtures';

const M = 60_000;
const H = 60 * M;

function pod(now: number, name: string, labels: Record<string, string>, ip: string, ageMs: number, restarts: number, crash: boolean): KubeObject {
  const cs = crash
    ? { name: 'nginx', ready: false, restartCount: restarts, started: false, image: 'nginx:1.25', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off' } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: ago(now, 6 * M), finishedAt: ago(now, 5 * M + 1000) } } }
    : { name: 'nginx', ready: true, restartCount: restarts, started: true, image: 'nginx:1.25', imageID: '', state: { running: { startedAt: ago(now, ageMs) } }, lastState: restarts ? { terminated: { exitCode: 1, reason: 'Error', startedAt: ago(now, 6 * M), finishedAt: ago(now, 5 * M + 1000) } } : {} };
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', labels, creationTimestamp: ago(now, ageMs) },
    spec: { nodeName: 'node-1', containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: crash ? 'False' : 'True' }], containerStatuses: [cs] },
  };
}

function svc(now: number, name: string, type: string, ip: string, ageMs: number, port: Record<string, unknown>, selector?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, namespace: 'default', creationTimestamp: ago(now, ageMs) },
    spec: { type, clusterIP: ip, clusterIPs: [ip], ports: [port], ...(selector ? { selector } : {}) },
    status: { loadBalancer: {} },
  };
}

export function tableFixture(now: number): KubeObject[] {
  const hash = { app: 'web', 'pod-template-hash': '7c5ddbdf54' };
  return [
    pod(now, 'crashy', { run: 'crashy' }, '10.244.0.7', 15 * M, 5, true),
    pod(now, 'web-7c5ddbdf54-abcde', hash, '10.244.0.5', 59 * M, 0, false),
    pod(now, 'web-7c5ddbdf54-fghij', hash, '10.244.0.6', 59 * M, 3, false),
    svc(now, 'kubernetes', 'ClusterIP', '10.96.0.1', 72 * H, { name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }),
    svc(now, 'web', 'ClusterIP', '10.96.120.15', 116 * M, { port: 80, protocol: 'TCP', targetPort: 80 }, { app: 'web' }),
    svc(now, 'web-np', 'NodePort', '10.96.33.44', 10 * M, { port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }, { app: 'web' }),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'default', creationTimestamp: ago(now, 72 * H) }, data: { 'ca.crt': 'x' } },
  ];
}
