import { Clock } from '../../base/clock';
import { Rng } from '../../base/rng';
import { Registry } from '../registry';
import { BUILTIN_KINDS } from '../kinds';
import { Store } from '../store';
import { ApiClient, type Authorizer } from '../client';
import { EventRecorder } from '../event-recorder';
import { ADMIN_USER, type UserInfo } from '../types';
import { Runtime } from '../../sim/runtime';
import type { ClusterContext } from '../../sim/context';
import { installAdmission } from '../admission';
import { resolveTopology } from '../../sim/topology';

/**
 * Just the API server (store + admission + its own bootstrap and small
 * reconcilers), without controllers, scheduler or kubelets: what the api/
 * and security/ tests run against so that other subsystems can't change the
 * objects under test.
 */
export interface TestApiServer extends ClusterContext {
  authorizer?: Authorizer;
  settle(): void;
}

export function newApiServer(seed = 1): TestApiServer {
  const clock = new Clock(Date.UTC(2026, 0, 5, 9, 0, 0));
  const rng = new Rng(seed);
  const registry = new Registry(BUILTIN_KINDS.map((k) => ({ ...k })));
  const store = new Store(registry, clock, rng.derive('store'));
  const runtime = new Runtime(clock);
  const server: TestApiServer = {
    clock,
    rng,
    registry,
    store,
    runtime,
    events: new EventRecorder(store, clock),
    services: new Map(),
    api(user: UserInfo = ADMIN_USER) {
      return new ApiClient(store, registry, user, user === ADMIN_USER ? undefined : server.authorizer);
    },
    setAuthorizer(a) {
      server.authorizer = a;
    },
    settle() {
      for (let i = 0; i < 100; i++) {
        runtime.drain(100_000);
        if (runtime.runDueTimers(clock.nowMs(), 100_000) === 0 && !runtime.hasWork()) return;
      }
    },
  };
  installAdmission(server, resolveTopology('bare'));
  server.settle();
  return server;
}
