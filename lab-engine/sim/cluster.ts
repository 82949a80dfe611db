import { Clock } from '../base/clock';
import { Rng } from '../base/rng';
import { canonicalJson, hash64Hex } from '../base/hash';
import { Registry } from '../api/registry';
import { BUILTIN_KINDS } from '../api/kinds';
import { Store } from '../api/store';
import { ApiClient, type Authorizer } from '../api/client';
import { EventRecorder } from '../api/event-recorder';
import type { KubeObject, UserInfo } from '../api/types';
import { ADMIN_USER } from '../api/types';
import { Runtime } from './runtime';
import type { ClusterContext } from './context';
import { resolveTopology, type Topology } from './topology';
import { installAdmission } from '../api/admission';
import { installControllers } from '../controllers';
import { installScheduler } from '../scheduler';
import { installKubelets } from '../kubelet';
import { installNetworking } from '../network';
import { installStorage } from '../storage';
import { installPolicy } from '../policy';
import { installAutoscaling } from '../autoscaling';

export interface ClusterOptions {
  seed: number;
  /** Virtual wall-clock start (ms since epoch). Default: 2026-01-05T09:00:00Z. */
  startMs?: number;
  topology?: string | Topology;
}

export interface SettleOptions {
  /** Upper bound on reconciles + timers; exceeding it throws (a bug or hostile input). */
  maxSteps?: number;
  /** How far settle may jump the clock (virtual ms). Default 10 minutes. */
  maxMs?: number;
}

export const DEFAULT_START_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
const DEFAULT_MAX_STEPS = 2_000_000;

/**
 * The composition root: a whole simulated cluster. Wires store, admission,
 * controllers, scheduler, kubelets and the network in a fixed order, and
 * moves virtual time. A cluster is a pure function of (options, the calls
 * made on it): no real time, no real randomness.
 */
export class Cluster implements ClusterContext {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly registry: Registry;
  readonly store: Store;
  readonly runtime: Runtime;
  readonly events: EventRecorder;
  readonly services = new Map<string, unknown>();
  readonly topology: Topology;
  private authorizer?: Authorizer;

  constructor(readonly options: ClusterOptions) {
    this.clock = new Clock(options.startMs ?? DEFAULT_START_MS);
    this.rng = new Rng(options.seed);
    this.registry = new Registry(BUILTIN_KINDS);
    this.store = new Store(this.registry, this.clock, this.rng.derive('store'));
    this.runtime = new Runtime(this.clock);
    this.events = new EventRecorder(this.store, this.clock);
    this.topology = resolveTopology(options.topology ?? 'default');
    installAdmission(this, this.topology);
    installNetworking(this, this.topology);
    installStorage(this, this.topology);
    installControllers(this, this.topology);
    installScheduler(this, this.topology);
    installKubelets(this, this.topology);
    installPolicy(this, this.topology);
    installAutoscaling(this, this.topology);
  }

  api(user: UserInfo = ADMIN_USER): ApiClient {
    return new ApiClient(this.store, this.registry, user, user === ADMIN_USER ? undefined : this.authorizer);
  }

  setAuthorizer(a: Authorizer): void {
    this.authorizer = a;
  }

  /** Runs everything due now (queued reconciles and due timers) without moving time. */
  step(maxSteps = DEFAULT_MAX_STEPS): void {
    for (let i = 0; i < 1000; i++) {
      this.runtime.drain(maxSteps);
      if (this.runtime.runDueTimers(this.clock.nowMs(), maxSteps) === 0 && !this.runtime.hasWork()) return;
    }
    throw new Error(`step: work kept arriving at t=${this.clock.nowMs()} (seed ${this.options.seed})`);
  }

  /** Moves virtual time forward by ms, running every timer that falls due on the way, in order. */
  advance(ms: number, maxSteps = DEFAULT_MAX_STEPS): void {
    if (ms < 0 || !Number.isFinite(ms)) throw new Error(`advance: invalid duration ${ms}`);
    const target = this.clock.nowMs() + ms;
    this.step(maxSteps);
    let guard = maxSteps;
    for (;;) {
      const next = this.runtime.nextTimerMs(true);
      if (next === undefined || next > target) break;
      if (guard-- <= 0) throw new Error(`advance: step budget exhausted (seed ${this.options.seed})`);
      this.clock.advanceTo(next);
      this.step(maxSteps);
    }
    this.clock.advanceTo(target);
    this.step(maxSteps);
  }

  /**
   * Runs until nothing but background timers is pending (or maxMs of virtual
   * time has passed), jumping the clock to each next timer. Returns the
   * virtual ms that passed.
   */
  settle(opts: SettleOptions = {}): number {
    const maxSteps = opts.maxSteps ?? DEFAULT_MAX_STEPS;
    const start = this.clock.nowMs();
    const limit = start + (opts.maxMs ?? 10 * 60_000);
    this.step(maxSteps);
    let guard = maxSteps;
    for (;;) {
      const next = this.runtime.nextTimerMs(false);
      if (next === undefined || next > limit) break;
      if (guard-- <= 0) throw new Error(`settle: step budget exhausted (seed ${this.options.seed})`);
      // Background timers due before the next foreground one still run, in order.
      this.advance(next - this.clock.nowMs(), maxSteps);
    }
    return this.clock.nowMs() - start;
  }

  /** Every stored object, in a stable order (resource key, namespace, name). */
  snapshot(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const rk of this.store.resourceKeys()) out.push(...this.store.peekList(rk));
    return out;
  }

  /**
   * Hash of the cluster's observable state: every object plus the clock. Built
   * from per-object hashes cached by object identity (stored objects are never
   * mutated, only replaced), so a second call after a few writes re-hashes only
   * the objects those writes produced.
   */
  stateHash(): string {
    return clusterStateHash(this.clock.nowMs(), this.snapshot());
  }
}

/** The cluster state hash of a clock reading and a snapshot (objects in snapshot order). */
export function clusterStateHash(nowMs: number, objects: readonly KubeObject[]): string {
  let joined = `${canonicalJson(nowMs)};`;
  for (const o of objects) joined += objectHash(o);
  return hash64Hex(joined);
}

const objectHashes = new WeakMap<KubeObject, string>();

/** hash64Hex of the object's canonical JSON, once per stored object. */
export function objectHash(obj: KubeObject): string {
  let h = objectHashes.get(obj);
  if (h === undefined) objectHashes.set(obj, (h = hash64Hex(canonicalJson(obj))));
  return h;
}

export function createCluster(options: ClusterOptions): Cluster {
  return new Cluster(options);
}
