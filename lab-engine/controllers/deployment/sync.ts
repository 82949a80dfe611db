import { recordEvent } from '../common/events';
import type { ClusterContext } from '../../sim/context';
import type { ApiClient } from '../../api/client';
import type { KubeObject } from '../../api/types';
import { cloneJson, jsonEqual } from '../../api/clone';
import { isApiError } from '../../api/errors';
import { computeHash } from '../common/hash';
import { newControllerRef } from '../common/owner-refs';
import { R, defOf } from '../common/kinds';
import { tolerate } from '../common/claim';
import * as u from './util';
import { newRSNewReplicas } from './rolling';
import { calculateStatus, rolloutStatus } from './progress';

export const SOURCE = { component: 'deployment-controller' };

/**
 * One sync of one Deployment (deployment_controller.go + sync.go). Holds
 * working copies: `d` is a copy of the stored Deployment whose status and
 * annotations are edited then written; ReplicaSets are replaced by the
 * copies the API returns after each write.
 */
export class DeploymentSync {
  readonly api: ApiClient;
  readonly now: string;

  constructor(
    readonly ctx: ClusterContext,
    public d: KubeObject,
    public rsList: KubeObject[],
    readonly requeueAfter: (ms: number) => void,
  ) {
    this.api = ctx.api();
    this.now = ctx.clock.nowRfc3339();
  }

  /** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's (ignoring the hash label). */
  findNewReplicaSet(): KubeObject | undefined {
    return [...this.rsList].sort(u.byCreation).find((rs) => u.equalIgnoreHash(rs.spec?.template, this.d.spec?.template));
  }

  /** getAllReplicaSetsAndSyncRevision. */
  getAllReplicaSets(createIfNotExisted: boolean): { newRS?: KubeObject; oldRSs: KubeObject[] } {
    const existing = this.findNewReplicaSet();
    const oldRSs = this.rsList.filter((rs) => rs !== existing);
    const newRS = this.getNewReplicaSet(existing, oldRSs, createIfNotExisted);
    return { newRS, oldRSs };
  }

  private getNewReplicaSet(existing: KubeObject | undefined, oldRSs: KubeObject[], create: boolean): KubeObject | undefined {
    const newRevision = String(Math.max(0, ...oldRSs.map(u.revisionOf)) + 1);
    if (existing) return this.syncExistingNewRS(existing, newRevision);
    if (!create) return undefined;
    const template = cloneJson(this.d.spec.template);
    const hash = computeHash(this.d.spec.template, this.d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [u.POD_TEMPLATE_HASH]: hash } };
    const selector = cloneJson(this.d.spec.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [u.POD_TEMPLATE_HASH]: hash };
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${this.d.metadata.name}-${hash}`, namespace: this.d.metadata.namespace, labels: { ...template.metadata.labels }, ownerReferences: [newControllerRef(this.d)] },
      // minReadySeconds is omitempty upstream: absent when 0.
      spec: { replicas: 0, ...(this.d.spec.minReadySeconds ? { minReadySeconds: this.d.spec.minReadySeconds } : {}), selector, template },
    };
    rs.spec.replicas = newRSNewReplicas(this.d, [...oldRSs, rs], rs);
    this.setNewReplicaSetAnnotations(rs, newRevision, false);
    return this.createNewRS(rs, newRevision);
  }

  private syncExistingNewRS(existing: KubeObject, newRevision: string): KubeObject {
    let rs = existing;
    const copy = cloneJson(existing);
    const annotationsUpdated = this.setNewReplicaSetAnnotations(copy, newRevision, true);
    if (annotationsUpdated || (copy.spec.minReadySeconds ?? 0) !== (this.d.spec.minReadySeconds ?? 0)) {
      if (this.d.spec.minReadySeconds) copy.spec.minReadySeconds = this.d.spec.minReadySeconds;
      else delete copy.spec.minReadySeconds;
      rs = this.replaceRS(existing, this.api.update(copy));
    }
    let needsUpdate = this.setDeploymentRevision(rs.metadata.annotations?.[u.REVISION] ?? '');
    if (u.hasProgressDeadline(this.d) && !u.getCondition(this.d.status, 'Progressing')) {
      this.setStatusCondition(u.newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${rs.metadata.name}"`, this.now));
      needsUpdate = true;
    }
    if (needsUpdate) this.writeDeployment();
    return rs;
  }

  private createNewRS(rs: KubeObject, newRevision: string): KubeObject | undefined {
    let created: KubeObject;
    let alreadyExists = false;
    try {
      created = this.api.create(rs);
    } catch (e) {
      if (!isApiError(e)) throw e;
      if (e.code !== 409) return this.failedCreate(rs, e.message);
      const other = this.ctx.store.peek(R.replicaSets, rs.metadata.namespace!, rs.metadata.name!);
      if (!other || other.metadata.ownerReferences?.find((r) => r.controller)?.uid !== this.d.metadata.uid || !u.equalIgnoreHash(other.spec?.template, this.d.spec.template)) {
        // A hash collision: bump collisionCount so the next sync computes another name.
        this.d.status = { ...(this.d.status ?? {}), collisionCount: (this.d.status?.collisionCount ?? 0) + 1 };
        this.writeDeployment();
        return undefined;
      }
      created = cloneJson(other);
      alreadyExists = true;
    }
    this.rsList.push(created);
    if (!alreadyExists && u.replicasOf(created) > 0) {
      recordEvent(this.ctx, this.stored(), 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${u.replicasOf(created)}`, SOURCE.component);
    }
    this.setDeploymentRevision(newRevision);
    if (!alreadyExists && u.hasProgressDeadline(this.d)) {
      this.setStatusCondition(u.newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${created.metadata.name}"`, this.now));
    }
    this.writeDeployment();
    return created;
  }

  private failedCreate(rs: KubeObject, message: string): undefined {
    const msg = `Failed to create new replica set "${rs.metadata.name}": ${message}`;
    if (u.hasProgressDeadline(this.d)) this.setStatusCondition(u.newCondition('Progressing', 'False', 'ReplicaSetCreateError', msg, this.now));
    recordEvent(this.ctx, this.stored(), 'Warning', 'FailedCreate', msg, SOURCE.component);
    this.writeDeployment();
    return undefined;
  }

  /** SetNewReplicaSetAnnotations (mutates the copy rs). */
  setNewReplicaSetAnnotations(rs: KubeObject, newRevision: string, exists: boolean): boolean {
    const a = (rs.metadata.annotations ??= {});
    let changed = false;
    for (const [k, v] of Object.entries(this.d.metadata.annotations ?? {})) {
      if (u.ANNOTATIONS_TO_SKIP.has(k) || a[k] === v) continue;
      a[k] = v;
      changed = true;
    }
    const oldRevision = a[u.REVISION];
    const oldInt = oldRevision === undefined ? 0 : Number(oldRevision);
    if (Number.isNaN(oldInt)) return false;
    if (oldInt < Number(newRevision)) {
      a[u.REVISION] = newRevision;
      changed = true;
      if (oldRevision !== undefined) a[u.REVISION_HISTORY] = a[u.REVISION_HISTORY] ? `${a[u.REVISION_HISTORY]},${oldRevision}` : oldRevision;
    }
    if (!exists && u.setReplicasAnnotations(rs, u.replicasOf(this.d), u.replicasOf(this.d) + u.maxSurge(this.d))) changed = true;
    return changed;
  }

  /** SetDeploymentRevision: only the working copy; written by writeDeployment. */
  setDeploymentRevision(revision: string): boolean {
    if (this.d.metadata.annotations?.[u.REVISION] === revision) return false;
    this.d.metadata.annotations = { ...(this.d.metadata.annotations ?? {}), [u.REVISION]: revision };
    return true;
  }

  setStatusCondition(c: u.DeploymentCondition): void {
    this.d.status = cloneJson(this.d.status ?? {});
    u.setCondition(this.d.status, c);
  }

  /**
   * Upstream writes the revision annotation and status in one UpdateStatus
   * (the Deployment status strategy keeps annotation changes); our store's
   * status subresource keeps metadata, so annotations go through an update first.
   */
  writeDeployment(): void {
    const stored = this.stored();
    if (!jsonEqual(stored.metadata.annotations, this.d.metadata.annotations)) {
      const next = cloneJson(stored);
      next.metadata.annotations = cloneJson(this.d.metadata.annotations);
      tolerate(() => this.api.update(next));
    }
    const fresh = this.stored();
    if (!jsonEqual(fresh.status ?? {}, this.d.status ?? {})) {
      const next = cloneJson(fresh);
      next.status = cloneJson(this.d.status);
      tolerate(() => this.api.updateStatus(next));
    }
    const after = this.stored();
    this.d = { ...cloneJson(after), status: cloneJson(this.d.status), metadata: { ...cloneJson(after.metadata), annotations: cloneJson(this.d.metadata.annotations) } };
  }

  stored(): KubeObject {
    return this.ctx.store.peek(R.deployments, this.d.metadata.namespace!, this.d.metadata.name!) ?? this.d;
  }

  replaceRS(old: KubeObject, next: KubeObject): KubeObject {
    const i = this.rsList.indexOf(old);
    if (i >= 0) this.rsList[i] = next;
    return next;
  }

  /** scaleReplicaSetAndRecordEvent. */
  scaleAndRecord(rs: KubeObject, newScale: number): [boolean, KubeObject] {
    if (u.replicasOf(rs) === newScale) return [false, rs];
    return this.scaleReplicaSet(rs, newScale, u.replicasOf(rs) < newScale ? 'up' : 'down');
  }

  /** scaleReplicaSet: size and replica annotations in one update; the event names the direction. */
  scaleReplicaSet(rs: KubeObject, newScale: number, op: string): [boolean, KubeObject] {
    const copy = cloneJson(rs);
    const sizeChanged = u.replicasOf(rs) !== newScale;
    const annotationsChanged = u.setReplicasAnnotations(copy, u.replicasOf(this.d), u.replicasOf(this.d) + u.maxSurge(this.d));
    if (!sizeChanged && !annotationsChanged) return [false, rs];
    copy.spec.replicas = newScale;
    const updated = tolerate(() => this.api.update(copy));
    if (!updated) return [false, rs];
    this.replaceRS(rs, updated);
    if (sizeChanged) {
      recordEvent(this.ctx, this.stored(), 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata.name} from ${u.replicasOf(rs)} to ${newScale}`, SOURCE.component);
    }
    return [sizeChanged, updated];
  }

  /** cleanupDeployment: delete the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit. */
  cleanupDeployment(oldRSs: KubeObject[]): void {
    const limit = this.d.spec?.revisionHistoryLimit ?? 10;
    if (limit === null || limit === undefined) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(u.byRevision);
    const diff = cleanable.length - limit;
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i];
      if ((rs.status?.replicas ?? 0) !== 0 || u.replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      tolerate(() => this.api.delete(defOf(this.ctx, R.replicaSets), rs.metadata.namespace!, rs.metadata.name!));
    }
  }

  /** The latest copy of a ReplicaSet this sync has written (or rs itself). */
  current(rs: KubeObject): KubeObject {
    return this.rsList.find((x) => x.metadata.uid === rs.metadata.uid) ?? rs;
  }

  /** syncRolloutStatus (progress.go). */
  syncRolloutStatus(oldRSs: KubeObject[], newRS: KubeObject | undefined): void {
    const all = [...oldRSs.map((rs) => this.current(rs)), ...(newRS ? [this.current(newRS)] : [])];
    const { status, recheckMs } = rolloutStatus(this.d, all, newRS && this.current(newRS), this.now, this.ctx.clock.nowMs());
    if (recheckMs !== undefined) this.requeueAfter(recheckMs);
    if (jsonEqual(this.d.status ?? {}, status)) return;
    this.d.status = status;
    this.writeDeployment();
  }

  /** syncDeploymentStatus (sync.go): counts and Available only. */
  syncDeploymentStatus(oldRSs: KubeObject[], newRS: KubeObject | undefined): void {
    const all = [...oldRSs.map((rs) => this.current(rs)), ...(newRS ? [this.current(newRS)] : [])];
    const status = calculateStatus(this.d, all, newRS && this.current(newRS), this.now);
    if (jsonEqual(this.d.status ?? {}, status)) return;
    this.d.status = status;
    this.writeDeployment();
  }
}
