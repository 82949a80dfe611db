import type { ClusterContext } from '../sim/context';
import type { Topology } from '../sim/topology';
import { createInformers, type Informers } from './common/informers';
import { ReplicaSetController } from './replicaset/controller';
import { DeploymentController } from './deployment/controller';
import { GarbageCollector } from './garbage-collector/controller';
import { NamespaceController } from './namespace/controller';
import { JobController } from './job/controller';
import { DaemonSetController } from './daemonset/controller';
import { StatefulSetController } from './statefulset/controller';
import { CronJobController } from './cronjob/controller';
import { TtlAfterFinishedController } from './ttl-after-finished/controller';
import { NodeLifecycleController } from './node-lifecycle/controller';
import { TaintEvictionController } from './node-lifecycle/taint-eviction';
import { PodGcController } from './podgc/controller';
import { installAddons } from './addons';
import { installCertificates } from './certificates';

/** The running controllers of a cluster, for tests and tools (`ctx.services.get('controllers')`). */
export interface Controllers {
  informers: Informers;
  deployment: DeploymentController;
  replicaSet: ReplicaSetController;
  statefulSet: StatefulSetController;
  daemonSet: DaemonSetController;
  job: JobController;
  cronJob: CronJobController;
  ttlAfterFinished: TtlAfterFinishedController;
  garbageCollector: GarbageCollector;
  namespace: NamespaceController;
  nodeLifecycle: NodeLifecycleController;
  taintEviction: TaintEvictionController;
  podGc: PodGcController;
}

/**
 * Installs kube-controller-manager's controllers (called once by
 * sim/cluster.ts). Registration order is fixed: it is the order the runtime
 * drains queues in, so it is part of the cluster's determinism.
 */
export function installControllers(ctx: ClusterContext, topology: Topology): Controllers {
  const informers = createInformers(ctx.store);
  const controllers: Controllers = {
    informers,
    deployment: new DeploymentController(ctx, informers),
    replicaSet: new ReplicaSetController(ctx, informers),
    statefulSet: new StatefulSetController(ctx, informers),
    daemonSet: new DaemonSetController(ctx, informers),
    job: new JobController(ctx, informers),
    cronJob: new CronJobController(ctx, informers),
    ttlAfterFinished: new TtlAfterFinishedController(ctx),
    garbageCollector: new GarbageCollector(ctx),
    namespace: new NamespaceController(ctx),
    nodeLifecycle: new NodeLifecycleController(ctx),
    taintEviction: new TaintEvictionController(ctx),
    podGc: new PodGcController(ctx),
  };
  ctx.services.set('controllers', controllers);
  installCertificates(ctx, topology);
  if (topology.systemPods) installAddons(ctx);
  return controllers;
}

export function controllersOf(ctx: Pick<ClusterContext, 'services'>): Controllers {
  const c = ctx.services.get('controllers') as Controllers | undefined;
  if (!c) throw new Error('controllers are not installed in this cluster');
  return c;
}

// What kubectl needs from the controllers (client-side helpers that mirror kubectl's own code).
export { rollbackTo, deploymentRevisions } from './deployment/rollback';
export type { RollbackResult, DeploymentRevision } from './deployment/rollback';
export { jobFromCronJob } from './cronjob/job-from-cronjob';
export { controllerRevisionsOf, rollbackToControllerRevision } from './common/revision-rollback';
export { computeHash } from './common/hash';
