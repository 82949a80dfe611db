import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCluster } from '../sim/cluster';
import { eventsFor, kubelet, testCluster } from './testing';
import { toYaml } from './static-pods';

const golden = (name: string, value: unknown) => {
  const file = join(__dirname, 'testdata', name);
  const text = toYaml(value);
  if (!existsSync(file) || process.env.UPDATE_GOLDEN) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
};

describe('node registration', () => {
  it('registers node01 like a kubeadm v1.32 worker (golden)', () => {
    const c = testCluster();
    const n = c.store.peek('nodes', '', 'node01')!;
    const { uid: _u, resourceVersion: _r, ...meta } = n.metadata;
    golden('node01.yaml', { ...n, metadata: meta });
    expect(n.status.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.4', containerRuntimeVersion: 'containerd://1.7.24', osImage: 'Ubuntu 22.04.5 LTS', architecture: 'amd64', operatingSystem: 'linux' });
    expect(n.status.conditions[3]).toMatchObject({ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(n.status.allocatable).toEqual({ cpu: '2', 'ephemeral-storage': '18556039987', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '3966074Ki', pods: '110' });
    expect(n.spec).toEqual({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] });
  });

  it('taints and labels the control plane', () => {
    const c = testCluster();
    const n = c.store.peek('nodes', '', 'controlplane')!;
    expect(n.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(n.metadata.labels).toMatchObject({ 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' });
    expect(n.status.addresses).toEqual([{ address: '192.168.1.10', type: 'InternalIP' }, { address: 'controlplane', type: 'Hostname' }]);
    expect(eventsFor(c, 'node01')).toEqual([
      'Normal Starting Starting kubelet.',
      'Normal NodeHasSufficientMemory Node node01 status is now: NodeHasSufficientMemory',
      'Normal NodeHasNoDiskPressure Node node01 status is now: NodeHasNoDiskPressure',
      'Normal NodeHasSufficientPID Node node01 status is now: NodeHasSufficientPID',
      'Normal NodeAllocatableEnforced Updated Node Allocatable limit across pods',
      'Normal NodeReady Node node01 status is now: NodeReady',
    ]);
  });

  it('renews its Lease every 10 s until the kubelet is stopped', () => {
    const c = testCluster();
    const lease = () => c.store.peek('leases.coordination.k8s.io', 'kube-node-lease', 'node02')!;
    expect(lease().spec).toEqual({ holderIdentity: 'node02', leaseDurationSeconds: 40, renewTime: '2026-01-05T09:00:00.000000Z' });
    expect(lease().metadata.ownerReferences![0]).toMatchObject({ apiVersion: 'v1', kind: 'Node', name: 'node02' });
    c.advance(25_000);
    expect(lease().spec.renewTime).toBe('2026-01-05T09:00:20.000000Z');
    kubelet(c).stopNode('node02');
    expect(kubelet(c).isNodeRunning('node02')).toBe(false);
    c.advance(60_000);
    expect(lease().spec.renewTime).toBe('2026-01-05T09:00:20.000000Z');
    kubelet(c).startNode('node02');
    expect(lease().spec.renewTime).toBe('2026-01-05T09:01:25.000000Z');
  });
});

describe('static pods', () => {
  it('runs the kubeadm control plane as mirror pods', () => {
    const c = createCluster({ seed: 3, topology: 'default' });
    c.settle();
    const names = c.store.peekList('pods', 'kube-system').map((p) => p.metadata.name).filter((n) => n!.endsWith('-controlplane'));
    expect(names).toEqual(['etcd-controlplane', 'kube-apiserver-controlplane', 'kube-controller-manager-controlplane', 'kube-scheduler-controlplane']);
    const p = c.store.peek('pods', 'kube-system', 'kube-apiserver-controlplane')!;
    expect(p.metadata.annotations).toMatchObject({ 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': '192.168.1.10:6443', 'kubernetes.io/config.source': 'file' });
    expect(p.metadata.annotations!['kubernetes.io/config.mirror']).toBe(p.metadata.annotations!['kubernetes.io/config.hash']);
    expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', controller: true, kind: 'Node', name: 'controlplane', uid: c.store.peek('nodes', '', 'controlplane')!.metadata.uid }]);
    expect(p.spec.priorityClassName).toBe('system-node-critical');
    expect(p.spec.priority).toBe(2000001000);
    expect(p.spec.containers[0].image).toBe('registry.k8s.io/kube-apiserver:v1.32.4');
    expect(p.status.phase).toBe('Running');
    expect(p.status.podIP).toBe('192.168.1.10');
    expect(p.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('True');
    const files = kubelet(c).staticPodManifests('controlplane');
    expect(files.map((f) => f.path)).toEqual([
      '/etc/kubernetes/manifests/etcd.yaml',
      '/etc/kubernetes/manifests/kube-apiserver.yaml',
      '/etc/kubernetes/manifests/kube-controller-manager.yaml',
      '/etc/kubernetes/manifests/kube-scheduler.yaml',
    ]);
    expect(files[3].content).toContain('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    component: kube-scheduler\n    tier: control-plane\n  name: kube-scheduler\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - kube-scheduler\n');
    expect(kubelet(c).staticPodManifests('node01')).toEqual([]);
  });
});
