import type { ClusterContext } from '../sim/context';
import type { KubeObject } from '../api/types';
import type { Queue } from '../sim/runtime';
import { matchesLabelSelector } from '../api/selectors/label-selector';
import { isPodReady } from '../controllers/common/pods';

const PDB = 'poddisruptionbudgets.policy';

/**
 * The disruption controller (pkg/controller/disruption): keeps each
 * PodDisruptionBudget's status — expected pods from the owning controllers'
 * scale, currently healthy (ready) pods, desired healthy, and how many
 * disruptions (evictions) are allowed right now.
 */
export class DisruptionController {
  private queue!: Queue;

  constructor(private readonly ctx: ClusterContext) {}

  install(): void {
    this.queue = this.ctx.runtime.register({ name: 'disruption', reconcile: (k) => this.sync(k) });
    this.ctx.store.watch((e) => this.queue.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`), { resource: PDB });
    this.ctx.store.watch((e) => {
      for (const pdb of this.ctx.store.peekList(PDB, e.object.metadata.namespace)) {
        if (matchesLabelSelector(pdb.spec?.selector, e.object.metadata.labels)) this.queue.add(`${pdb.metadata.namespace}/${pdb.metadata.name}`);
      }
    }, { resource: 'pods' });
  }

  /** Pods a budget covers (not terminating). */
  podsFor(pdb: KubeObject): KubeObject[] {
    return this.ctx.store.peekList('pods', pdb.metadata.namespace).filter((p) => !p.metadata.deletionTimestamp && matchesLabelSelector(pdb.spec?.selector, p.metadata.labels));
  }

  private sync(key: string): void {
    const [ns, name] = key.split('/');
    const pdb = this.ctx.store.peek(PDB, ns, name);
    if (!pdb) return;
    const pods = this.podsFor(pdb);
    const expected = this.expectedCount(pdb, pods);
    // Evicted pods still deleting are no longer healthy (and leave disruptedPods once gone).
    const disrupted = Object.fromEntries(Object.entries((pdb.status?.disruptedPods ?? {}) as Record<string, string>).filter(([pod]) => this.ctx.store.peek('pods', ns, pod)));
    const healthy = pods.filter((p) => isPodReady(p) && !(p.metadata.name! in disrupted)).length;
    const desired = this.desiredHealthy(pdb, expected);
    const allowed = Math.max(0, healthy - desired);
    const status = {
      ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
      disruptionsAllowed: allowed,
      currentHealthy: healthy,
      desiredHealthy: desired,
      expectedPods: expected,
      observedGeneration: pdb.metadata.generation,
      conditions: [
        {
          type: 'DisruptionAllowed',
          status: allowed > 0 ? 'True' : 'False',
          reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
          message: '',
          observedGeneration: pdb.metadata.generation,
          lastTransitionTime: sameStatus(pdb, allowed > 0) ?? this.ctx.clock.nowRfc3339(),
        },
      ],
    };
    if (JSON.stringify(status) === JSON.stringify(pdb.status)) return;
    const api = this.ctx.api();
    api.updateStatus({ ...api.get(this.ctx.registry.resolve(PDB)!, ns, name), status });
  }

  /** minAvailable as a number needs no scale; a percentage or maxUnavailable uses the controllers' replicas. */
  private expectedCount(pdb: KubeObject, pods: KubeObject[]): number {
    if (typeof pdb.spec?.minAvailable === 'number') return pods.length;
    let total = 0;
    const owners = new Set<string>();
    for (const p of pods) {
      const ref = (p.metadata.ownerReferences ?? []).find((o) => o.controller);
      if (!ref) {
        total += 1;
        continue;
      }
      const key = `${ref.kind}/${ref.name}`;
      if (owners.has(key)) continue;
      owners.add(key);
      total += this.scaleOf(p.metadata.namespace!, ref.kind, ref.name) ?? 1;
    }
    return total;
  }

  private scaleOf(ns: string, kind: string, name: string): number | undefined {
    const resource = ({ ReplicaSet: 'replicasets.apps', StatefulSet: 'statefulsets.apps', ReplicationController: 'replicationcontrollers' } as Record<string, string>)[kind];
    return resource ? this.ctx.store.peek(resource, ns, name)?.spec?.replicas : undefined;
  }

  private desiredHealthy(pdb: KubeObject, expected: number): number {
    const { minAvailable, maxUnavailable } = pdb.spec ?? {};
    if (maxUnavailable !== undefined) return Math.max(0, expected - scaled(maxUnavailable, expected, 'up'));
    if (minAvailable !== undefined) return scaled(minAvailable, expected, 'up');
    return expected;
  }
}

/** intstr.GetScaledValueFromIntOrPercent rounding up, as the disruption controller uses it. */
function scaled(v: number | string, total: number, round: 'up'): number {
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', ''));
  return round === 'up' ? Math.ceil((pct * total) / 100) : Math.floor((pct * total) / 100);
}

function sameStatus(pdb: KubeObject, allowed: boolean): string | undefined {
  const c = (pdb.status?.conditions ?? []).find((x: { type: string }) => x.type === 'DisruptionAllowed');
  return c && c.status === (allowed ? 'True' : 'False') ? c.lastTransitionTime : undefined;
}
