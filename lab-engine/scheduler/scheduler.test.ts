import { describe, expect, it } from 'vitest';
import { eventsFor, getPod, pod, testCluster } from '../kubelet/testing';
import type { SchedulerService } from './types';

const sleeper = (extra: Record<string, unknown> = {}, resources?: Record<string, unknown>) => ({
  containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], ...(resources ? { resources } : {}) }],
  ...extra,
});
const scheduled = (c: ReturnType<typeof testCluster>, name: string) => getPod(c, name).status.conditions.find((x: { type: string }) => x.type === 'PodScheduled');
const TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

describe('scheduler', () => {
  it('binds a pod with the Scheduled event and PodScheduled=True', () => {
    const c = testCluster();
    c.api().create(pod('web', sleeper()));
    c.settle();
    const p = getPod(c, 'web');
    expect(['node01', 'node02']).toContain(p.spec.nodeName);
    expect(eventsFor(c, 'web')[0]).toBe(`Normal Scheduled Successfully assigned default/web to ${p.spec.nodeName}`);
    expect(scheduled(c, 'web')).toEqual({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-05T09:00:00Z' });
  });

  it('reports insufficient cpu with the exact FitError and preemption wording', () => {
    const c = testCluster();
    c.api().create(pod('big', sleeper({}, { requests: { cpu: '3' } })));
    c.settle();
    const msg = `0/3 nodes are available: ${TAINT}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`;
    expect(scheduled(c, 'big')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    expect(eventsFor(c, 'big')).toEqual([`Warning FailedScheduling ${msg}`]);
    expect((c.services.get('scheduler') as SchedulerService).unschedulable()).toEqual([{ namespace: 'default', name: 'big', message: msg }]);
  });

  it('nodeSelector mismatch is not resolvable by preemption; labelling a node schedules the pod', () => {
    const c = testCluster();
    c.api().create(pod('ssd', sleeper({ nodeSelector: { disktype: 'ssd' } })));
    c.settle();
    expect(scheduled(c, 'ssd').message).toBe(`0/3 nodes are available: ${TAINT}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`);
    const nodes = c.registry.resolve('nodes')!;
    const n = c.api().get(nodes, '', 'node02');
    c.api().update({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disktype: 'ssd' } } });
    c.settle();
    expect(getPod(c, 'ssd').spec.nodeName).toBe('node02');
    expect(eventsFor(c, 'ssd').at(-5)).toBe('Normal Scheduled Successfully assigned default/ssd to node02');
  });

  it('cordoned nodes, nodeName, host ports and too many pods use the plugin reasons', () => {
    const c = testCluster({ name: 't', systemPods: false, nodes: [{ name: 'node01', cpu: '2', memory: '4Gi', pods: 1 }, { name: 'node02', cpu: '2', memory: '4Gi' }] });
    const nodes = c.registry.resolve('nodes')!;
    const n2 = c.api().get(nodes, '', 'node02');
    c.api().update({ ...n2, spec: { ...n2.spec, unschedulable: true } });
    c.api().create(pod('a', { ...sleeper(), containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80, hostPort: 8080 }] }] }));
    c.settle();
    expect(getPod(c, 'a').spec.nodeName).toBe('node01');
    c.api().create(pod('b', sleeper()));
    c.settle();
    expect(scheduled(c, 'b').message).toBe('0/2 nodes are available: 1 Too many pods, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.');
  });

  it('an unbound immediate PVC fails in PreFilter', () => {
    const c = testCluster();
    c.api().create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    c.api().create(pod('db', sleeper({ volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] })));
    c.api().create(pod('nopvc', sleeper({ volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'missing' } }] })));
    c.settle();
    expect(scheduled(c, 'db').message).toBe('0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
    expect(scheduled(c, 'nopvc').message).toBe('0/3 nodes are available: persistentvolumeclaim "missing" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
  });

  it('required pod anti-affinity on the hostname keeps replicas apart', () => {
    const c = testCluster();
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } };
    for (const n of ['db-0', 'db-1', 'db-2']) c.api().create(pod(n, sleeper({ affinity: anti }), { labels: { app: 'db' } }));
    c.settle();
    expect(new Set([getPod(c, 'db-0').spec.nodeName, getPod(c, 'db-1').spec.nodeName])).toEqual(new Set(['node01', 'node02']));
    expect(scheduled(c, 'db-2').message).toBe(`0/3 nodes are available: ${TAINT}, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`);
  });

  it('spreads a controller\'s pods over the nodes and tolerations admit the control plane', () => {
    const c = testCluster();
    // Any existing owner will do (the garbage collector removes pods whose owner is missing).
    const cm = c.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
    const owner = { ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: cm.metadata.uid, controller: true }], labels: { app: 'web' } };
    for (const n of ['w1', 'w2', 'w3', 'w4']) c.api().create(pod(n, sleeper(), owner));
    c.api().create(pod('cp', sleeper({ nodeSelector: { 'node-role.kubernetes.io/control-plane': '' }, tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] })));
    c.settle();
    const counts: Record<string, number> = {};
    for (const n of ['w1', 'w2', 'w3', 'w4']) counts[getPod(c, n).spec.nodeName] = (counts[getPod(c, n).spec.nodeName] ?? 0) + 1;
    expect(counts).toEqual({ node01: 2, node02: 2 });
    expect(getPod(c, 'cp').spec.nodeName).toBe('controlplane');
  });

  it('preempts lower-priority pods for a higher-priority one', () => {
    const c = testCluster({ name: 't', systemPods: false, nodes: [{ name: 'node01', cpu: '2', memory: '4Gi' }] });
    c.api().create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    c.api().create(pod('low', sleeper({}, { requests: { cpu: '1500m' } })));
    c.settle();
    const low = getPod(c, 'low');
    c.api().create(pod('vip', sleeper({ priorityClassName: 'high' }, { requests: { cpu: '1' } })));
    c.step();
    expect(getPod(c, 'vip').status.nominatedNodeName).toBe('node01');
    expect(eventsFor(c, 'low')).toContain(`Normal Preempted Preempted by pod ${getPod(c, 'vip').metadata.uid} on node node01`);
    expect(getPod(c, 'low').status.conditions.find((x: { type: string }) => x.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' });
    c.settle();
    expect(c.store.peek('pods', 'default', 'low')?.metadata.uid === low.metadata.uid).toBe(false);
    expect(getPod(c, 'vip').spec.nodeName).toBe('node01');
  });

  it('no nodes at all', () => {
    const c = testCluster({ name: 'bare', systemPods: false, nodes: [] });
    c.api().create(pod('lonely', sleeper()));
    c.settle();
    expect(scheduled(c, 'lonely').message).toBe('no nodes available to schedule pods');
  });
});
