/**
 * @kubelab/lab-engine — a deterministic, in-memory Kubernetes cluster.
 * The app and tools import only this file.
 */
export { Cluster, createCluster, DEFAULT_START_MS } from './sim/cluster';
export type { ClusterOptions, SettleOptions } from './sim/cluster';
export type { ClusterContext } from './sim/context';
export { TOPOLOGIES, resolveTopology } from './sim/topology';
export type { Topology, NodeSpec } from './sim/topology';
export { ApiClient } from './api/client';
export type { ListOptions, ObjectList, Authorizer, AuthorizationAttributes } from './api/client';
export { ApiError, isApiError } from './api/errors';
export type { KubeObject, ObjectMeta, Status, UserInfo, WatchEvent } from './api/types';
export { ADMIN_USER } from './api/types';
export { Clock } from './base/clock';
export { Rng } from './base/rng';
export { canonicalJson, hash64Hex } from './base/hash';
