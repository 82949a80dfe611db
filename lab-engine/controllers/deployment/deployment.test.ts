import { describe, expect, it } from 'vitest';
import { bareCluster, podTemplate, recordWrites, runAllPods } from '../testing/fixture';
import { controllersOf } from '../index';
import { R } from '../common/kinds';
import type { Cluster } from '../../sim/cluster';
import { deploymentRevisions, rollbackTo } from './rollback';

const deploy = (replicas: number, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: podTemplate({ app: 'web' }), ...spec },
});

const get = (c: Cluster) => c.store.peek(R.deployments, 'default', 'web')!;
const rsNames = (c: Cluster) => c.store.peekList(R.replicaSets, 'default').map((r) => `${r.metadata.name}=${r.spec.replicas}`);
const events = (c: Cluster, kind = 'Deployment') =>
  c.store.peekList('events', 'default').filter((e) => e.involvedObject.kind === kind).sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!)).map((e) => `${e.reason} ${e.message}`);

function setImage(c: Cluster, image: string) {
  const d = get(c);
  c.api().update({ ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { containers: [{ name: 'c', image }] } } } });
}

describe('Deployment controller', () => {
  it('creates <deploy>-<hash> with revision annotations, scaled up in one reconcile', () => {
    const c = bareCluster();
    c.api().create(deploy(3));
    const rec = recordWrites(c);
    controllersOf(c).deployment.reconcile('default/web');
    const rs = c.store.peekList(R.replicaSets, 'default')[0];
    expect(rs.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rec.writes).toEqual([
      `create replicasets.apps default/web-${hash}`,
      `EVENT ScalingReplicaSet Scaled up replica set web-${hash} from 0 to 3`,
      'update deployments.apps default/web',
      'update deployments.apps default/web',
      'update deployments.apps default/web',
    ]);
    expect(rs.metadata.annotations).toEqual({ 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' });
    expect(rs.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs.spec.template.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(get(c).metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(get(c).status.conditions.map((x: { type: string; reason: string; message: string }) => `${x.type} ${x.reason} ${x.message}`)).toEqual([
      `Progressing NewReplicaSetCreated Created new replica set "web-${hash}"`,
      'Available MinimumReplicasUnavailable Deployment does not have minimum availability.',
    ]);
  });

  it('reaches Available/NewReplicaSetAvailable once the pods run', () => {
    const c = bareCluster();
    c.api().create(deploy(3));
    runAllPods(c);
    c.settle();
    const d = get(c);
    const rs = c.store.peekList(R.replicaSets, 'default')[0];
    expect(d.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        { type: 'Available', status: 'True', lastUpdateTime: '2026-01-05T09:00:00Z', lastTransitionTime: '2026-01-05T09:00:00Z', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: '2026-01-05T09:00:00Z', lastTransitionTime: '2026-01-05T09:00:00Z', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs.metadata.name}" has successfully progressed.` },
      ],
    });
  });

  it('rolls out a new template with maxSurge/maxUnavailable 25% and the upstream event sequence', () => {
    const c = bareCluster();
    c.api().create(deploy(4));
    runAllPods(c);
    const [first] = c.store.peekList(R.replicaSets, 'default');
    setImage(c, 'nginx:1.28');
    for (let i = 0; i < 20; i++) runAllPods(c);
    c.settle();
    const second = c.store.peekList(R.replicaSets, 'default').find((r) => r.metadata.name !== first.metadata.name)!;
    const a = first.metadata.name;
    const b = second.metadata.name;
    expect(events(c)).toEqual([
      `ScalingReplicaSet Scaled up replica set ${a} from 0 to 4`,
      `ScalingReplicaSet Scaled up replica set ${b} from 0 to 1`,
      `ScalingReplicaSet Scaled down replica set ${a} from 4 to 3`,
      `ScalingReplicaSet Scaled up replica set ${b} from 1 to 2`,
      // Both new pods turn ready at once here, so two old ones can go in one step.
      `ScalingReplicaSet Scaled down replica set ${a} from 3 to 1`,
      `ScalingReplicaSet Scaled up replica set ${b} from 2 to 4`,
      `ScalingReplicaSet Scaled down replica set ${a} from 1 to 0`,
    ]);
    expect(second.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(get(c).metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(get(c).status.updatedReplicas).toBe(4);
    expect(get(c).status.conditions[1].reason).toBe('NewReplicaSetAvailable');
  });

  it('Recreate scales the old ReplicaSet to zero before the new one comes up', () => {
    const c = bareCluster();
    const held = { ...podTemplate({ app: 'web' }), metadata: { labels: { app: 'web' }, finalizers: ['example.com/hold'] } };
    c.api().create(deploy(2, { strategy: { type: 'Recreate' }, template: held }));
    runAllPods(c);
    const [first] = c.store.peekList(R.replicaSets, 'default');
    setImage(c, 'nginx:1.28');
    c.step();
    // Old pods are still terminating (held by a finalizer): the new ReplicaSet waits.
    expect(rsNames(c)).toEqual([`${first.metadata.name}=0`]);
    for (const p of c.store.peekList(R.pods, 'default')) {
      c.api().update({ ...p, metadata: { ...p.metadata, finalizers: [] } });
      c.api().delete(c.registry.resolve('pods')!, 'default', p.metadata.name!, { gracePeriodSeconds: 0 });
    }
    c.step();
    expect(events(c).slice(1, 3)).toEqual([`ScalingReplicaSet Scaled down replica set ${first.metadata.name} from 2 to 0`, expect.stringMatching(/^ScalingReplicaSet Scaled up replica set web-\w+ from 0 to 2$/)]);
    expect(rsNames(c)).toContain(`${first.metadata.name}=0`);
    expect(rsNames(c).filter((x) => x.endsWith('=2')).length).toBe(1);
  });

  it('rolls back with rollbackTo and lists revisions', () => {
    const c = bareCluster();
    c.api().create(deploy(1));
    runAllPods(c);
    setImage(c, 'nginx:1.28');
    for (let i = 0; i < 5; i++) runAllPods(c);
    expect(deploymentRevisions(c.api(), get(c)).map((r) => r.revision)).toEqual([1, 2]);
    expect(rollbackTo(c.api(), get(c), 9)).toEqual({ ok: false, error: 'unable to find specified revision 9 in history' });
    expect(rollbackTo(c.api(), get(c), 2)).toEqual({ ok: true, message: 'skipped rollback (current template already matches revision 2)' });
    expect(rollbackTo(c.api(), get(c))).toEqual({ ok: true, message: 'rolled back' });
    expect(get(c).spec.template.spec.containers[0].image).toBe('nginx:1.27');
    for (let i = 0; i < 5; i++) runAllPods(c);
    expect(deploymentRevisions(c.api(), get(c)).map((r) => r.revision)).toEqual([2, 3]);
    const r3 = deploymentRevisions(c.api(), get(c))[1].replicaSet;
    expect(r3.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('1');
  });

  it('marks Progressing=False ProgressDeadlineExceeded when pods never become ready', () => {
    const c = bareCluster();
    c.api().create(deploy(1, { progressDeadlineSeconds: 30 }));
    c.settle();
    c.advance(31_000);
    const cond = get(c).status.conditions.find((x: { type: string }) => x.type === 'Progressing');
    expect(cond).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: expect.stringMatching(/^ReplicaSet "web-\w+" has timed out progressing\.$/) });
  });

  it('pause and resume set Progressing Unknown conditions', () => {
    const c = bareCluster();
    c.api().create(deploy(1));
    runAllPods(c);
    c.api().update({ ...get(c), spec: { ...get(c).spec, paused: true } });
    c.settle();
    expect(get(c).status.conditions.find((x: { type: string }) => x.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    setImage(c, 'nginx:1.28');
    c.settle();
    expect(c.store.peekList(R.replicaSets, 'default').length).toBe(1);
    c.api().update({ ...get(c), spec: { ...get(c).spec, paused: false } });
    c.step();
    expect(c.store.peekList(R.replicaSets, 'default').length).toBe(2);
  });

  it('scales proportionally during a rollout and cleans up beyond revisionHistoryLimit', () => {
    const c = bareCluster();
    c.api().create(deploy(2, { revisionHistoryLimit: 1 }));
    for (const img of ['a:1', 'a:2', 'a:3']) {
      runAllPods(c);
      setImage(c, img);
    }
    for (let i = 0; i < 10; i++) runAllPods(c);
    c.settle();
    // revisions 1..4 existed; history limit 1 keeps one old ReplicaSet besides the new one.
    expect(c.store.peekList(R.replicaSets, 'default').length).toBe(2);
  });
});
