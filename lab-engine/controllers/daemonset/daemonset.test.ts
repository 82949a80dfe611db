import { describe, expect, it } from 'vitest';
import { CONTROL_PLANE_TAINT, addNodes, bareCluster, runPodsOnTargetNodes } from '../testing/fixture';
import { R } from '../common/kinds';
import type { Cluster } from '../../sim/cluster';

const dsObj = (tolerations?: unknown[]) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'busybox' }], ...(tolerations ? { tolerations } : {}) } },
  },
});
const ds = (c: Cluster) => c.store.peek(R.daemonSets, 'default', 'agent')!;
const targets = (c: Cluster) =>
  c.store
    .peekList(R.pods, 'default')
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0])
    .sort();

function cluster() {
  const c = bareCluster();
  addNodes(c, [{ name: 'controlplane', taints: [CONTROL_PLANE_TAINT] }, { name: 'node01' }, { name: 'node02' }]);
  return c;
}

describe('DaemonSet controller', () => {
  it('puts one pod per untainted node, pinned with matchFields and the DaemonSet tolerations', () => {
    const c = cluster();
    c.api().create(dsObj());
    c.settle();
    expect(targets(c)).toEqual(['node01', 'node02']);
    const pod = c.store.peekList(R.pods, 'default')[0];
    expect(pod.metadata.name).toMatch(/^agent-\w{5}$/);
    expect(pod.spec.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [expect.any(String)] }] }] } } });
    expect(pod.spec.tolerations.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    const cr = c.store.peekList(R.controllerRevisions, 'default')[0];
    expect(pod.metadata.labels).toEqual({ app: 'agent', 'controller-revision-hash': cr.metadata.labels!['controller-revision-hash'], 'pod-template-generation': '1' });
    expect(cr.metadata.name).toBe(`agent-${cr.metadata.labels!['controller-revision-hash']}`);
    expect(cr.revision).toBe(1);
    expect(cr.data.spec.template.$patch).toBe('replace');
    expect(ds(c).status).toEqual({ currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 0, observedGeneration: 1, updatedNumberScheduled: 2, numberUnavailable: 2 });
    runPodsOnTargetNodes(c);
    c.settle();
    expect(ds(c).status).toEqual({ currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 2, observedGeneration: 1, updatedNumberScheduled: 2, numberAvailable: 2 });
  });

  it('runs on the control plane when the taint is tolerated, and follows node selectors', () => {
    const c = cluster();
    c.api().create(dsObj([{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }]));
    c.settle();
    expect(targets(c)).toEqual(['controlplane', 'node01', 'node02']);
    const d = ds(c);
    c.api().update({ ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { ...d.spec.template.spec, nodeSelector: { 'kubernetes.io/hostname': 'node02' } } } } });
    c.settle();
    expect(targets(c)).toEqual(['node02']);
  });

  it('rolls out a new template one node at a time (maxUnavailable 1)', () => {
    const c = cluster();
    c.api().create(dsObj());
    runPodsOnTargetNodes(c);
    const d = ds(c);
    c.api().update({ ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { containers: [{ name: 'a', image: 'busybox:1.37' }] } } } });
    c.step();
    // One old pod was deleted and its node got a pod of the new revision; the other waits.
    const live = c.store.peekList(R.pods, 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(live.map((p) => p.status?.phase).sort()).toEqual(['Pending', 'Running']);
    for (let i = 0; i < 6; i++) runPodsOnTargetNodes(c);
    c.settle();
    expect(ds(c).status.updatedNumberScheduled).toBe(2);
    expect(c.store.peekList(R.controllerRevisions, 'default').map((r) => r.revision)).toEqual(expect.arrayContaining([1, 2]));
  });
});

describe('DaemonSet fixture', () => {
  it('one reconcile: ControllerRevision, a pod per node, events, status — in that order', async () => {
    const { recordWrites } = await import('../testing/fixture');
    const { controllersOf } = await import('../index');
    const c = cluster();
    c.api().create(dsObj());
    const rec = recordWrites(c);
    controllersOf(c).daemonSet.reconcile('default/agent');
    const pods = rec.objects.filter((o) => o.kind === 'Pod').map((o) => o.metadata.name);
    const cr = c.store.peekList(R.controllerRevisions, 'default')[0].metadata.name;
    expect(rec.writes).toEqual([
      `create controllerrevisions.apps default/${cr}`,
      `create pods default/${pods[0]}`,
      `EVENT SuccessfulCreate Created pod: ${pods[0]}`,
      `create pods default/${pods[1]}`,
      `EVENT SuccessfulCreate Created pod: ${pods[1]}`,
      'update daemonsets.apps default/agent',
    ]);
  });
});

describe('rollout undo for a DaemonSet', () => {
  it('restores the previous ControllerRevision template', async () => {
    const { rollbackToControllerRevision, controllerRevisionsOf } = await import('../common/revision-rollback');
    const c = cluster();
    c.api().create(dsObj());
    runPodsOnTargetNodes(c);
    const d = ds(c);
    c.api().update({ ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { containers: [{ name: 'a', image: 'busybox:1.37' }] } } } });
    for (let i = 0; i < 6; i++) runPodsOnTargetNodes(c);
    expect(controllerRevisionsOf(c.api(), ds(c)).map((r) => r.revision)).toEqual([1, 2]);
    expect(rollbackToControllerRevision(c.api(), ds(c), 7)).toEqual({ ok: false, error: 'unable to find specified revision 7 in history' });
    expect(rollbackToControllerRevision(c.api(), ds(c))).toEqual({ ok: true, message: 'rolled back' });
    expect(ds(c).spec.template.spec.containers[0].image).toBe('busybox');
    for (let i = 0; i < 6; i++) runPodsOnTargetNodes(c);
    // The old revision is reused with a new number (upstream dedups equal revisions).
    expect(controllerRevisionsOf(c.api(), ds(c)).map((r) => r.revision)).toEqual([2, 3]);
    expect(rollbackToControllerRevision(c.api(), ds(c), 3)).toEqual({ ok: true, message: 'skipped rollback (current template already matches revision 3)' });
  });
});
