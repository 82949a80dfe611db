import type { Clock } from '../base/clock';
import type { Rng } from '../base/rng';
import type { Registry } from '../api/registry';
import type { Store } from '../api/store';
import type { ApiClient, Authorizer } from '../api/client';
import type { EventRecorder } from '../api/event-recorder';
import type { Runtime } from './runtime';
import type { UserInfo } from '../api/types';

/**
 * What a subsystem (controllers, scheduler, kubelets, networking) is given
 * when it is installed into a cluster. Subsystems depend on this interface,
 * never on `cluster.ts`, so dependencies point one way.
 */
export interface ClusterContext {
  readonly clock: Clock;
  /** Root generator; derive a named stream per subsystem (`ctx.rng.derive('scheduler')`). */
  readonly rng: Rng;
  readonly registry: Registry;
  readonly store: Store;
  readonly runtime: Runtime;
  readonly events: EventRecorder;
  /** Client acting as the given user (default: cluster admin). */
  api(user?: UserInfo): ApiClient;
  setAuthorizer(a: Authorizer): void;
  /**
   * Shared services subsystems expose to each other by name (e.g. the network
   * model registers "network", kubelets look it up). Deterministic: a plain map.
   */
  readonly services: Map<string, unknown>;
}
