/** polymorphichelpers/rollout_status.go: one message per observation, and whether the rollout is done. */
import type { KubeObject } from '../../../api/types';
import { KubectlError } from '../../types';

export interface RolloutStatus {
  message: string;
  done: boolean;
}

const n = (v: unknown, d = 0) => (typeof v === 'number' ? v : d);

export function rolloutStatus(obj: KubeObject, revision = 0): RolloutStatus {
  switch (obj.kind) {
    case 'Deployment': return deploymentStatus(obj);
    case 'DaemonSet': return daemonSetStatus(obj);
    case 'StatefulSet': return statefulSetStatus(obj, revision);
  }
  throw new KubectlError(`no status viewer has been implemented for ${obj.kind}`);
}

function deploymentStatus(d: KubeObject): RolloutStatus {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if (n(d.metadata.generation) > n(st.observedGeneration)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = (st.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment ${JSON.stringify(name)} exceeded its progress deadline`);
  const desired = n(d.spec?.replicas, 1);
  const updated = n(st.updatedReplicas);
  if (updated < desired) return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${desired} new replicas have been updated...\n`, done: false };
  if (n(st.replicas) > updated) return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${n(st.replicas) - updated} old replicas are pending termination...\n`, done: false };
  if (n(st.availableReplicas) < updated) return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${n(st.availableReplicas)} of ${updated} updated replicas are available...\n`, done: false };
  return { message: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
}

function daemonSetStatus(ds: KubeObject): RolloutStatus {
  const name = ds.metadata.name;
  const st = ds.status ?? {};
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
  if (n(ds.metadata.generation) > n(st.observedGeneration)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = n(st.desiredNumberScheduled);
  if (n(st.updatedNumberScheduled) < desired) return { message: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${n(st.updatedNumberScheduled)} out of ${desired} new pods have been updated...\n`, done: false };
  if (n(st.numberAvailable) < desired) return { message: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${n(st.numberAvailable)} of ${desired} updated pods are available...\n`, done: false };
  return { message: `daemon set ${JSON.stringify(name)} successfully rolled out\n`, done: true };
}

function statefulSetStatus(s: KubeObject, _revision: number): RolloutStatus {
  const st = s.status ?? {};
  if (s.spec?.updateStrategy?.type !== 'RollingUpdate') throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
  if (st.observedGeneration === undefined || n(s.metadata.generation) > n(st.observedGeneration)) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = n(s.spec?.replicas, 1);
  if (replicas > n(st.readyReplicas)) return { message: `Waiting for ${replicas - n(st.readyReplicas)} pods to be ready...\n`, done: false };
  // rollout_status.go: any rollingUpdate block (the API server defaults one with partition 0) takes the partitioned path
  const rolling = s.spec?.updateStrategy?.rollingUpdate;
  if (rolling) {
    const partition = rolling.partition;
    if (typeof partition === 'number' && n(st.updatedReplicas) < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${n(st.updatedReplicas)} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${n(st.updatedReplicas)} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) return { message: `waiting for statefulset rolling update to complete ${n(st.updatedReplicas)} pods at revision ${st.updateRevision}...\n`, done: false };
  return { message: `statefulset rolling update complete ${n(st.currentReplicas)} pods at revision ${st.currentRevision}...\n`, done: true };
}
