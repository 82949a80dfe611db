import type { KubeObject, UserInfo, WatchEvent } from './types';
import { ADMIN_USER } from './types';
import type { KindContext, KindDef, Registry } from './registry';
import { apiVersionOf } from './registry';
import * as errors from './errors';
import { cloneJson, jsonEqual } from './clone';
import type { Clock } from '../base/clock';
import type { Rng } from '../base/rng';
import type { FieldError } from './field-errors';
import { validateObjectMeta } from './validation/object-meta';
import { decodeTypeError } from './openapi/decode-types';

export type DeletionPropagation = 'Background' | 'Foreground' | 'Orphan';

export interface WriteOptions {
  dryRun?: boolean;
  /** Strict | Warn | Ignore (kubectl sends Strict by default). */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  user?: UserInfo;
  /** Field manager (kubectl sets "kubectl-client-side-apply", "kubectl-create", …). */
  fieldManager?: string;
  /**
   * Engine-internal writers only (controllers, kubelets, the event recorder): the store takes
   * ownership of the input object instead of copying it (create), or of the input's `status`
   * (status updates). The caller built it fresh and must never touch it again: on success it is
   * (part of) the stored, immutable object.
   */
  owned?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: DeletionPropagation;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** A step of admission (namespace lifecycle, quota, limit ranges, service accounts, …). */
export interface AdmissionPlugin {
  name: string;
  /** Mutating phase: may change obj. Throw an ApiError to reject. */
  admit?(op: 'CREATE' | 'UPDATE' | 'DELETE', def: KindDef, obj: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): void;
  /** Validating phase, after defaulting and validation. Throw an ApiError to reject. */
  validate?(op: 'CREATE' | 'UPDATE' | 'DELETE', def: KindDef, obj: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): void;
}

export interface AdmissionContext extends KindContext {
  store: Store;
  dryRun: boolean;
  /** Warnings returned to the client (`Warning: …` lines in kubectl). */
  warnings: string[];
}

export type WatchHandler = (event: WatchEvent) => void;

let freezeStored = false;

/**
 * Test mode: deep-freeze every object the store commits (and every DELETED event's object), so
 * any write to a stored instance — which readers and later versions share subtrees with — throws
 * a TypeError where it happens. Off by default (freezing costs time).
 */
export function setFreezeStoredObjects(on: boolean): void {
  freezeStored = on;
}

function deepFreeze(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const k in v as Record<string, unknown>) deepFreeze((v as Record<string, unknown>)[k]);
}

interface Watcher {
  id: number;
  resource?: string; // "pods", "deployments.apps"
  namespace?: string;
  handler: WatchHandler;
}

export interface WriteResult {
  object: KubeObject;
  warnings: string[];
  /** The stored instance after a committed write (read only: never mutate it). */
  readonly stored?: KubeObject;
}

/**
 * The object store: what kube-apiserver + etcd do for us. Holds every object
 * as plain JSON keyed by `<resource>[.<group>]/<namespace>/<name>`; assigns
 * uid, resourceVersion, generation and creationTimestamp; runs defaulting,
 * validation and admission; implements graceful deletion, finalizers and
 * optimistic concurrency; and notifies watchers synchronously in commit order.
 *
 * Objects returned by `peek*` are the stored instances: never mutate them.
 * Everything else returns copies.
 */
export class Store {
  private objects = new Map<string, Map<string, KubeObject>>(); // resourceKey -> "ns/name" -> obj
  /** resourceKey -> its keys in peekList order; dropped when a key is added or removed. */
  private sortedKeys = new Map<string, string[]>();
  private rv = 0;
  /** Watchers of one resource, by resource key; `anyResource` those without a resource filter. Each in registration order. */
  private watchersByResource = new Map<string, Watcher[]>();
  private anyResource: Watcher[] = [];
  private nextWatcherId = 1;
  private pending: WatchEvent[] = [];
  private dispatching = false;
  readonly admission: AdmissionPlugin[] = [];
  private readonly uidRng: Rng;
  /** One closure for every admission context instead of one per write. */
  private readonly peekFn = (r: string, n: string, name: string): KubeObject | undefined => this.peek(r, n, name);
  private readonly nameRng: Rng;

  constructor(
    readonly registry: Registry,
    readonly clock: Clock,
    rng: Rng,
  ) {
    this.uidRng = rng.derive('uid');
    this.nameRng = rng.derive('generateName');
  }

  // ---- reads -------------------------------------------------------------

  resourceVersion(): number {
    return this.rv;
  }

  peek(resourceKey: string, namespace: string, name: string): KubeObject | undefined {
    return this.objects.get(resourceKey)?.get(`${namespace}/${name}`);
  }

  /** Stored instances of one resource, optionally in one namespace, in key order. */
  peekList(resourceKey: string, namespace?: string): KubeObject[] {
    const bucket = this.objects.get(resourceKey);
    if (!bucket) return [];
    let keys = this.sortedKeys.get(resourceKey);
    if (!keys) this.sortedKeys.set(resourceKey, (keys = [...bucket.keys()].sort(compareKeys)));
    const out: KubeObject[] = [];
    if (namespace === undefined) {
      for (const key of keys) out.push(bucket.get(key)!);
      return out;
    }
    const prefix = `${namespace}/`;
    for (const key of keys) if (key.startsWith(prefix)) out.push(bucket.get(key)!);
    return out;
  }

  get(def: KindDef, namespace: string, name: string): KubeObject {
    const obj = this.peek(resourceKey(def), ns(def, namespace), name);
    if (!obj) throw errors.notFound(def, name);
    return cloneJson(obj);
  }

  /** All resource keys that currently hold objects (for snapshots and the etcd view). */
  resourceKeys(): string[] {
    return [...this.objects.keys()].filter((k) => (this.objects.get(k)?.size ?? 0) > 0).sort();
  }

  // ---- writes ------------------------------------------------------------

  create(input: KubeObject, opts: WriteOptions = {}): WriteResult {
    const def = this.kindOf(input);
    const obj = opts.owned ? input : cloneJson(input);
    obj.apiVersion = apiVersionOf(def);
    obj.metadata = obj.metadata ?? {};
    const ctx = this.admissionContext(opts);
    this.checkUnknownFields(def, obj, opts, ctx.warnings);
    if (!def.namespaced) delete obj.metadata.namespace;
    else if (!obj.metadata.namespace) obj.metadata.namespace = 'default';
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = this.generateName(def, obj);
    for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
      delete obj.metadata[k];
    }
    // FillObjectMetaSystemFields runs before the strategy's PrepareForCreate (Job selectors use the uid).
    obj.metadata.uid = this.uidRng.uuid();
    def.prepareForCreate?.(obj, ctx);
    for (const p of this.admission) p.admit?.('CREATE', def, obj, undefined, ctx);
    def.defaults?.(obj, ctx);
    const errs = [...validateObjectMeta(def, obj), ...(def.validate?.(obj, ctx) ?? [])];
    if (errs.length) throw errors.invalid(def.kind, def.group, obj.metadata.name ?? '', errs);
    const key = objectKey(obj);
    if (this.objects.get(resourceKey(def))?.has(key)) throw errors.alreadyExists(def, obj.metadata.name!);
    for (const p of this.admission) p.validate?.('CREATE', def, obj, undefined, ctx);
    obj.metadata.creationTimestamp = this.clock.nowRfc3339();
    if (def.hasGeneration !== false) obj.metadata.generation = 1;
    if (opts.dryRun) return { object: obj, warnings: ctx.warnings };
    this.commit(def, obj, undefined);
    return copyResult(obj, ctx.warnings);
  }

  /**
   * Update (PUT). With `subresource: 'status'` only status changes are kept;
   * otherwise status is kept from the stored object for kinds with a status
   * subresource. A stale `metadata.resourceVersion` is a Conflict.
   */
  update(input: KubeObject, opts: WriteOptions & { subresource?: 'status' } = {}): WriteResult {
    const def = this.kindOf(input);
    const namespace = ns(def, input.metadata?.namespace ?? 'default');
    const name = input.metadata?.name ?? '';
    const old = this.peek(resourceKey(def), namespace, name);
    if (!old) throw errors.notFound(def, name);
    // Status writes without fieldValidation (controllers, kubelets) take only status from the input
    // and share everything else with the stored object, which is never mutated (see statusUpdateObject).
    const statusFast = opts.subresource === 'status' && !opts.fieldValidation;
    const obj = statusFast ? statusUpdateObject(input, old, !!opts.owned) : cloneJson(input);
    if (!statusFast) {
      obj.apiVersion = apiVersionOf(def);
      if (def.namespaced) obj.metadata.namespace = namespace;
    }
    const ctx = this.admissionContext(opts);
    this.checkUnknownFields(def, obj, opts, ctx.warnings);
    const inputRv = input.metadata?.resourceVersion;
    if (inputRv && inputRv !== old.metadata.resourceVersion) {
      throw errors.conflict(def, name, errors.OBJECT_MODIFIED);
    }
    if (statusFast) {
      // statusUpdateObject already did what the branch below does.
    } else if (opts.subresource === 'status') {
      const status = obj.status;
      Object.assign(obj, cloneJson(old), { status });
      obj.metadata = cloneJson(old.metadata);
    } else {
      // Fields the client may not set on update come from the stored object.
      for (const k of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
        if (old.metadata[k] === undefined) delete obj.metadata[k];
        else (obj.metadata as Record<string, unknown>)[k] = old.metadata[k];
      }
      if (def.subresources?.includes('status')) obj.status = cloneJson(old.status);
      def.prepareForUpdate?.(obj, old, ctx);
      for (const p of this.admission) p.admit?.('UPDATE', def, obj, old, ctx);
      def.defaults?.(obj, ctx);
    }
    const errs = [...validateObjectMeta(def, obj, old), ...(def.validate?.(obj, ctx) ?? []), ...(def.validateUpdate?.(obj, old, ctx) ?? [])];
    if (errs.length) throw errors.invalid(def.kind, def.group, name, errs);
    if (opts.subresource !== 'status') for (const p of this.admission) p.validate?.('UPDATE', def, obj, old, ctx);
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    if (def.hasGeneration !== false && !jsonEqual(generationSource(def, obj), generationSource(def, old))) {
      obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
    if (jsonEqual(obj, old)) return copyResult(old, ctx.warnings); // no-op: no new resourceVersion
    if (opts.dryRun) return { object: obj, warnings: ctx.warnings };
    // Removing the last finalizer of an object being deleted completes the deletion.
    if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers?.length) && !this.waitsForGrace(def, obj) && !def.finalizationPending?.(obj)) {
      this.remove(def, old);
      return copyResult(obj, ctx.warnings);
    }
    this.commit(def, obj, old);
    return copyResult(obj, ctx.warnings);
  }

  /**
   * The pods/binding subresource (pkg/registry/core/pod/storage/storage.go, BindingREST.setPodNodeAndMetadata):
   * `spec.nodeName` and the PodScheduled=True condition in one write. As upstream, the binding is
   * stored directly: no pod update admission or validation runs for it.
   */
  bindPod(namespace: string, name: string, nodeName: string, condition: Record<string, unknown>): WriteResult {
    const def = this.registry.forResource('pods', '')!;
    const old = this.peek('pods', namespace, name);
    if (!old) throw errors.notFound(def, name);
    // assignPod wraps the update's plain errors as a Conflict on pods/binding.
    const binding = { group: '', resource: 'pods/binding' };
    if (old.metadata.deletionTimestamp) throw errors.conflict(binding, name, `pod ${name} is being deleted, cannot be assigned to a host`);
    if (old.spec?.nodeName) throw errors.conflict(binding, name, `pod ${name} is already assigned to node "${old.spec.nodeName}"`);
    // The scheduler's condition goes last, replacing a PodScheduled=False one (what the engine always did).
    const conditions = (old.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'PodScheduled');
    const obj: KubeObject = { ...old, metadata: { ...old.metadata }, spec: { ...old.spec, nodeName }, status: { ...old.status, conditions: [...conditions, condition] } };
    this.commit(def, obj, old);
    return copyResult(obj, []);
  }

  /**
   * Delete. Objects with finalizers, and kinds with graceful deletion (pods on
   * a node), get a deletionTimestamp and stay until finalizers are gone /
   * the grace period is acted on. Propagation per the garbage collector:
   * Foreground adds the `foregroundDeletion` finalizer, Orphan the `orphan` one.
   */
  delete(def: KindDef, namespace: string, name: string, opts: DeleteOptions = {}): WriteResult & { deleted: boolean } {
    const old = this.peek(resourceKey(def), ns(def, namespace), name);
    if (!old) throw errors.notFound(def, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid) {
      throw errors.conflict(def, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw errors.conflict(def, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
    }
    const ctx = this.admissionContext(opts);
    for (const p of this.admission) p.validate?.('DELETE', def, old, old, ctx);
    const obj = cloneJson(old);
    const finalizers = new Set(obj.metadata.finalizers ?? []);
    const policy = opts.propagationPolicy ?? defaultPropagation(def);
    if (policy === 'Foreground') finalizers.add('foregroundDeletion');
    if (policy === 'Orphan') finalizers.add('orphan');
    const grace = def.gracePeriodSeconds?.(obj, opts.gracePeriodSeconds) ?? 0;
    const kindPending = def.finalizationPending?.(obj) ?? false;
    if (finalizers.size === 0 && grace === 0 && !kindPending) {
      if (!opts.dryRun) this.remove(def, old);
      return { object: obj, deleted: true, warnings: ctx.warnings };
    }
    if (obj.metadata.deletionTimestamp) {
      // Already terminating: a shorter grace period may still be applied (kubectl delete --grace-period=0 --force).
      if (grace === 0 && finalizers.size === 0 && !kindPending) {
        if (!opts.dryRun) this.remove(def, old);
        return { object: obj, deleted: true, warnings: ctx.warnings };
      }
      return { object: obj, deleted: false, warnings: ctx.warnings };
    }
    obj.metadata.deletionTimestamp = formatAt(this.clock.nowMs() + grace * 1000);
    obj.metadata.deletionGracePeriodSeconds = grace;
    if (finalizers.size) obj.metadata.finalizers = [...finalizers];
    def.prepareForDelete?.(obj);
    if (def.hasGeneration !== false) obj.metadata.generation = (obj.metadata.generation ?? 0) + 1;
    if (!opts.dryRun) this.commit(def, obj, old);
    return { ...copyResult(obj, ctx.warnings), deleted: false };
  }

  // ---- watch -------------------------------------------------------------

  /** Subscribe to changes; `resource` is a resource key ("pods", "deployments.apps"). */
  watch(handler: WatchHandler, filter: { resource?: string; namespace?: string } = {}): () => void {
    const w: Watcher = { id: this.nextWatcherId++, handler, ...filter };
    const r = w.resource;
    // As with one list before: a watcher added while an event is dispatched sees that event (pushed in
    // place), one removed still sees it (the list is replaced, the dispatch keeps the one it started with).
    if (r === undefined) this.anyResource.push(w);
    else this.watchersOf(r).push(w);
    return () => {
      if (r === undefined) this.anyResource = this.anyResource.filter((x) => x.id !== w.id);
      else this.watchersByResource.set(r, (this.watchersByResource.get(r) ?? []).filter((x) => x.id !== w.id));
    };
  }

  // ---- internals ---------------------------------------------------------

  kindOf(obj: KubeObject): KindDef {
    if (!obj || typeof obj !== 'object') throw errors.badRequest('Object cannot be handled: not an object');
    if (!obj.kind) throw errors.badRequest("Object 'Kind' is missing in '" + JSON.stringify(obj) + "'");
    const def = this.registry.forKind(obj.apiVersion, obj.kind);
    if (!def) throw errors.badRequest(`no kind "${obj.kind}" is registered for version "${obj.apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
    return def;
  }

  private admissionContext(opts: WriteOptions): AdmissionContext {
    return {
      clock: this.clock,
      rng: this.nameRng,
      user: opts.user ?? ADMIN_USER,
      peek: this.peekFn,
      store: this,
      dryRun: !!opts.dryRun,
      warnings: [],
    };
  }

  private checkUnknownFields(def: KindDef, obj: KubeObject, opts: WriteOptions, warnings?: string[]): void {
    // Only requests that ask for it (kubectl sends Strict) pay for the schema walks; controllers never send such objects.
    if (!opts.fieldValidation) return;
    // The JSON decoder's type errors come first, whatever the validation level (`cannot unmarshal string into …`).
    const typeErr = decodeTypeError(def.group, def.version, def.kind, obj);
    if (typeErr) throw errors.badRequest(`${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: ${typeErr}`);
    if (opts.fieldValidation === 'Ignore' || !def.unknownFields) return;
    const unknown = def.unknownFields(obj);
    if (!unknown.length) return;
    if (opts.fieldValidation === 'Strict') {
      const list = unknown.map((f) => `unknown field "${f}"`).join(', ');
      throw errors.badRequest(`${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: strict decoding error: ${list}`);
    }
    // fieldValidation=Warn: the same findings come back as warnings.
    if (opts.fieldValidation === 'Warn') warnings?.push(...unknown.map((f) => `unknown field "${f}"`));
  }

  private generateName(def: KindDef, obj: KubeObject): string {
    // apiserver/pkg/storage/names: base truncated to 58 chars + 5 random chars.
    const base = obj.metadata.generateName!.slice(0, 58);
    for (let i = 0; i < 100; i++) {
      const name = base + this.nameRng.k8sString(5);
      if (!this.peek(resourceKey(def), obj.metadata.namespace ?? '', name)) return name;
    }
    throw new Error('generateName: no free name after 100 attempts');
  }

  private waitsForGrace(def: KindDef, obj: KubeObject): boolean {
    return (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0 && def.gracePeriodSeconds !== undefined;
  }

  private commit(def: KindDef, obj: KubeObject, old: KubeObject | undefined): void {
    this.rv += 1;
    obj.metadata.resourceVersion = String(this.rv);
    const rk = resourceKey(def);
    let bucket = this.objects.get(rk);
    if (!bucket) this.objects.set(rk, (bucket = new Map()));
    const key = objectKey(obj);
    if (!old || !bucket.has(key)) this.sortedKeys.delete(rk);
    if (freezeStored) deepFreeze(obj);
    bucket.set(key, obj);
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', object: obj, old }, rk);
  }

  /** Removes the object for good (finalizers done, grace over, or none needed). */
  remove(def: KindDef, stored: KubeObject): void {
    const rk = resourceKey(def);
    const bucket = this.objects.get(rk);
    if (!bucket?.has(objectKey(stored))) return;
    bucket.delete(objectKey(stored));
    this.sortedKeys.delete(rk);
    this.rv += 1;
    const gone = cloneJson(stored);
    gone.metadata.resourceVersion = String(this.rv);
    if (freezeStored) deepFreeze(gone);
    this.emit({ type: 'DELETED', object: gone, old: stored }, rk);
  }

  /**
   * An etcd snapshot restore taking effect (etcdctl snapshot restore, then etcd
   * restarted on the restored data dir): the stored objects become `objects`,
   * uids and timestamps as saved. Watchers see the differences as DELETED,
   * ADDED and MODIFIED events; resourceVersions keep increasing. Objects of
   * kinds no longer registered are skipped.
   */
  restoreObjects(objects: readonly KubeObject[]): void {
    const wanted = new Map<string, Map<string, KubeObject>>();
    for (const o of objects) {
      let def: KindDef;
      try {
        def = this.kindOf(o);
      } catch {
        continue;
      }
      const rk = resourceKey(def);
      if (!wanted.has(rk)) wanted.set(rk, new Map());
      wanted.get(rk)!.set(objectKey(o), o);
    }
    for (const rk of this.resourceKeys()) {
      const keep = wanted.get(rk);
      for (const stored of this.peekList(rk)) {
        if (!keep?.has(objectKey(stored))) this.remove(this.kindOf(stored), stored);
      }
    }
    for (const [rk, list] of wanted) {
      for (const [key, o] of list) {
        const current = this.objects.get(rk)?.get(key);
        const next = cloneJson(o);
        if (current && jsonEqual({ ...next, metadata: { ...next.metadata, resourceVersion: '' } }, { ...current, metadata: { ...current.metadata, resourceVersion: '' } })) continue;
        this.commit(this.kindOf(next), next, current);
      }
    }
  }

  private watchersOf(resource: string): Watcher[] {
    let list = this.watchersByResource.get(resource);
    if (!list) this.watchersByResource.set(resource, (list = []));
    return list;
  }

  private emit(ev: WatchEvent, rk: string): void {
    (ev as WatchEvent & { resource: string }).resource = rk;
    this.pending.push(ev);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      for (let i = 0; i < this.pending.length; i++) {
        const e = this.pending[i] as WatchEvent & { resource: string };
        // The resource's watchers and the unfiltered ones, merged back into registration (id) order.
        const some = this.watchersOf(e.resource);
        const any = this.anyResource;
        let a = 0;
        let b = 0;
        while (a < some.length || b < any.length) {
          const w = b >= any.length || (a < some.length && some[a].id < any[b].id) ? some[a++] : any[b++];
          if (w.namespace !== undefined && w.namespace !== (e.object.metadata.namespace ?? '')) continue;
          w.handler(e);
        }
      }
    } finally {
      this.pending = [];
      this.dispatching = false;
    }
  }
}

/**
 * The write result: the copy handed to the caller is made only when read
 * (most internal writers never read it). `stored` is never mutated after the
 * write (stored objects are immutable), so a late copy equals an early one.
 */
function copyResult(stored: KubeObject, warnings: string[]): WriteResult {
  let copy: KubeObject | undefined;
  return {
    stored,
    get object(): KubeObject {
      return (copy ??= cloneJson(stored));
    },
    set object(v: KubeObject) {
      copy = v;
    },
    warnings,
  };
}

/**
 * The object a status update stores, equal to what `cloneJson(input)` then
 * `Object.assign(obj, cloneJson(old), { status })` and
 * `obj.metadata = cloneJson(old.metadata)` give (same keys, same key order),
 * but sharing every subtree except status and metadata with the stored `old`.
 */
function statusUpdateObject(input: KubeObject, old: KubeObject, ownedStatus: boolean): KubeObject {
  const src = input as Record<string, unknown>;
  const prev = old as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in src) {
    if (src[k] === undefined) continue;
    if (k === 'status') out[k] = ownedStatus ? src[k] : cloneJson(src[k]);
    else out[k] = prev[k] !== undefined ? prev[k] : cloneJson(src[k]);
  }
  if (!('apiVersion' in out)) out.apiVersion = prev.apiVersion;
  for (const k in prev) {
    if (prev[k] !== undefined && !(k in out)) out[k] = k === 'status' ? undefined : prev[k];
  }
  if (!('status' in out)) out.status = undefined;
  // Only top-level metadata fields (resourceVersion, generation) are written before the commit.
  const meta: Record<string, unknown> = {};
  const oldMeta = old.metadata as Record<string, unknown>;
  for (const k in oldMeta) if (oldMeta[k] !== undefined) meta[k] = oldMeta[k];
  out.metadata = meta;
  return out as KubeObject;
}

export function resourceKey(def: Pick<KindDef, 'group' | 'resource'>): string {
  return def.group ? `${def.resource}.${def.group}` : def.resource;
}

export function objectKey(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

function ns(def: KindDef, namespace: string): string {
  return def.namespaced ? namespace : '';
}

/** Order of `ns/name` keys: by namespace, then name (what sorting the objects by (namespace, name) gives). */
function compareKeys(a: string, b: string): number {
  const i = a.indexOf('/');
  const j = b.indexOf('/');
  const an = a.slice(0, i);
  const bn = b.slice(0, j);
  if (an !== bn) return an < bn ? -1 : 1;
  const x = a.slice(i + 1);
  const y = b.slice(j + 1);
  return x < y ? -1 : x > y ? 1 : 0;
}

function generationSource(def: KindDef, obj: KubeObject): unknown {
  if (def.generationFrom) return def.generationFrom(obj);
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

/** Deployments, ReplicaSets, … default to Background; the GC honours it. */
function defaultPropagation(_def: KindDef): DeletionPropagation {
  return 'Background';
}

function formatAt(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export type { FieldError };
