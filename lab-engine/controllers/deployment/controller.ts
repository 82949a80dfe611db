import { recordEvent } from '../common/events';
import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { KubeObject, WatchEvent } from '../../api/types';
import { cloneJson } from '../../api/clone';
import { matchesLabelSelector } from '../../api/selectors/label-selector';
import type { Informers } from '../common/informers';
import { R, keyOf, splitKey } from '../common/kinds';
import { controllerOf } from '../common/owner-refs';
import { claimObjects } from '../common/claim';
import { DeploymentSync, SOURCE } from './sync';
import { rolloutRolling } from './rolling';
import { rolloutRecreate } from './recreate';
import { isScalingEvent, syncScaleOnly } from './scale';
import { pausedCondition } from './progress';

/** pkg/controller/deployment: rolls a Deployment's pod template out through ReplicaSets. */
export class DeploymentController implements Reconciler {
  readonly name = 'deployment';
  readonly queue: Queue;

  constructor(
    private readonly ctx: ClusterContext,
    private readonly informers: Informers,
  ) {
    this.queue = ctx.runtime.register(this);
    ctx.store.watch((e) => this.queue.add(keyOf(e.object)), { resource: R.deployments });
    ctx.store.watch((e) => this.onReplicaSet(e), { resource: R.replicaSets });
    ctx.store.watch((e) => e.type === 'DELETED' && this.onPodDeleted(e.object), { resource: R.pods });
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const stored = this.ctx.store.peek(R.deployments, ns, name);
    if (!stored) return;
    syncDeployment(this.ctx, this.informers, stored, (ms) => this.ctx.runtime.after(ms, () => this.queue.add(key), { background: true, label: `deployment:${key}` }));
  }

  private onReplicaSet(e: WatchEvent): void {
    for (const rs of e.old ? [e.old, e.object] : [e.object]) {
      const ref = controllerOf(rs);
      if (ref?.kind === 'Deployment') this.queue.add(`${rs.metadata.namespace}/${ref.name}`);
      else if (!ref && e.type !== 'DELETED') {
        for (const d of this.ctx.store.peekList(R.deployments, rs.metadata.namespace)) {
          if (matchesLabelSelector(d.spec?.selector, rs.metadata.labels)) this.queue.add(keyOf(d));
        }
      }
    }
  }

  /** deletePod: a Recreate rollout waits for the last old pod to go. */
  private onPodDeleted(pod: KubeObject): void {
    const rsRef = controllerOf(pod);
    if (rsRef?.kind !== 'ReplicaSet') return;
    const rs = this.ctx.store.peek(R.replicaSets, pod.metadata.namespace!, rsRef.name);
    const dRef = rs && controllerOf(rs);
    if (dRef?.kind === 'Deployment') this.queue.add(`${pod.metadata.namespace}/${dRef.name}`);
  }
}

/** syncDeployment (deployment_controller.go). */
export function syncDeployment(ctx: ClusterContext, informers: Informers, stored: KubeObject, requeueAfter: (ms: number) => void): void {
  const d = cloneJson(stored);
  const sel = d.spec?.selector;
  const api = ctx.api();
  if (sel && !sel.matchLabels && !sel.matchExpressions) {
    recordEvent(ctx, stored, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', SOURCE.component);
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) api.updateStatus({ ...d, status: { ...(d.status ?? {}), observedGeneration: d.metadata.generation } });
    return;
  }
  const rsList = claimObjects(api, stored, sel, informers.replicaSets.owned(stored.metadata.uid), informers.replicaSets.orphans(stored.metadata.namespace!)).map((rs) => cloneJson(rs));
  const s = new DeploymentSync(ctx, d, rsList, requeueAfter);
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = s.getAllReplicaSets(false);
    return s.syncDeploymentStatus(oldRSs, newRS);
  }
  const paused = pausedCondition(d, s.now);
  if (paused) {
    s.setStatusCondition(paused);
    s.writeDeployment();
  }
  if (d.spec?.paused || isScalingEvent(s)) return syncScaleOnly(s);
  if (d.spec?.strategy?.type === 'Recreate') return rolloutRecreate(s, informers.pods);
  rolloutRolling(s);
}
