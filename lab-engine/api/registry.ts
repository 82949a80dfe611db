import type { KubeObject, UserInfo } from './types';
import type { FieldError } from './field-errors';
import type { Clock } from '../base/clock';
import type { Rng } from '../base/rng';

/** What discovery says about a resource (`kubectl api-resources`). */
export interface ResourceInfo {
  group: string; // '' for core
  version: string;
  kind: string;
  resource: string; // plural, lower-case
  singular: string;
  shortNames?: string[];
  namespaced: boolean;
  categories?: string[];
  verbs: string[];
  /** Subresources served: status, scale, eviction, log, binding, exec, … */
  subresources?: string[];
}

export interface KindContext {
  clock: Clock;
  rng: Rng;
  /** Read-only view of the store, for defaulting that depends on other objects. */
  peek(resource: string, namespace: string, name: string): KubeObject | undefined;
  user: UserInfo;
}

/**
 * Everything the API server knows about one kind. A kind is one small file in
 * `api/kinds/`, exporting one of these (see `pod.ts`).
 */
export interface KindDef extends ResourceInfo {
  /** SetDefaults_* from pkg/apis/<group>/v1/defaults.go; mutates in place. */
  defaults?(obj: KubeObject, ctx: KindContext): void;
  /** The registry strategy's PrepareForCreate (e.g. drop status). Runs before defaulting. */
  prepareForCreate?(obj: KubeObject, ctx: KindContext): void;
  /** PrepareForUpdate: copy what the main resource may not change (status) from old. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: KindContext): void;
  /** ValidateX for create, with the API server's field paths and messages. */
  validate?(obj: KubeObject, ctx: KindContext): FieldError[];
  /** ValidateXUpdate: immutable fields and transitions. */
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: KindContext): FieldError[];
  /** Known fields for strict decoding; returns dotted paths of unknown fields. */
  unknownFields?(obj: KubeObject): string[];
  /**
   * Graceful deletion: seconds to keep the object with a deletionTimestamp
   * before it is removed (pods on a node), or 0 to remove at once.
   */
  gracePeriodSeconds?(obj: KubeObject, requested: number | undefined): number;
  /**
   * Kind-specific finalization still to do before a deleted object may go
   * (Namespace: spec.finalizers). Counted like metadata.finalizers.
   */
  finalizationPending?(obj: KubeObject): boolean;
  /** Mutates an object being marked for deletion (Namespace: status.phase Terminating). */
  prepareForDelete?(obj: KubeObject): void;
  /**
   * Custom resources: the CRD's additionalPrinterColumns for the served
   * version (kubectl printers use them) and its openAPIV3Schema.
   */
  additionalPrinterColumns?: { name: string; type: string; jsonPath: string; description?: string; format?: string; priority?: number }[];
  openAPIV3Schema?: unknown;
  /** True when metadata.generation is tracked (objects with a spec). Default true. */
  hasGeneration?: boolean;
  /** Fields that, besides spec, bump generation (e.g. Secret/ConfigMap never; Pod never). */
  generationFrom?: (obj: KubeObject) => unknown;
}

export function apiVersionOf(info: Pick<ResourceInfo, 'group' | 'version'>): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** Finds kinds by resource, kind or short name the way kubectl's RESTMapper does. */
export class Registry {
  private byResource = new Map<string, KindDef>(); // "deployments.apps"
  private byKind = new Map<string, KindDef>(); // "apps/v1/Deployment"
  private list: KindDef[] = [];

  constructor(defs: KindDef[]) {
    for (const d of defs) this.add(d);
  }

  add(def: KindDef): void {
    const key = def.group ? `${def.resource}.${def.group}` : def.resource;
    this.byResource.set(key, def);
    this.byKind.set(`${apiVersionOf(def)}/${def.kind}`, def);
    this.list = this.list.filter((d) => !(d.group === def.group && d.resource === def.resource));
    this.list.push(def);
  }

  remove(group: string, resource: string): void {
    const def = this.byResource.get(group ? `${resource}.${group}` : resource);
    if (!def) return;
    this.byResource.delete(group ? `${resource}.${group}` : resource);
    this.byKind.delete(`${apiVersionOf(def)}/${def.kind}`);
    this.list = this.list.filter((d) => d !== def);
  }

  all(): readonly KindDef[] {
    return this.list;
  }

  forKind(apiVersion: string, kind: string): KindDef | undefined {
    return this.byKind.get(`${apiVersion}/${kind}`);
  }

  /** By `resource` or `resource.group` (the store's key space). */
  forResource(resource: string, group?: string): KindDef | undefined {
    if (group !== undefined) return this.byResource.get(group ? `${resource}.${group}` : resource);
    return this.byResource.get(resource);
  }

  /**
   * kubectl's resource argument: plural, singular, short name or kind, case-insensitive,
   * optionally qualified (`deployments.apps`, `deploy.v1.apps`). Core group wins ties, as
   * in kubectl's priority RESTMapper (core first, then the groups in discovery order).
   */
  resolve(arg: string): KindDef | undefined {
    const lower = arg.toLowerCase();
    const dot = lower.indexOf('.');
    const name = dot < 0 ? lower : lower.slice(0, dot);
    const qualifier = dot < 0 ? undefined : lower.slice(dot + 1);
    const matches = this.list.filter((d) => {
      const names = [d.resource, d.singular, d.kind.toLowerCase(), ...(d.shortNames ?? [])];
      if (!names.includes(name)) return false;
      if (qualifier === undefined) return true;
      return qualifier === d.group || qualifier === `${d.version}.${d.group}` || (d.group === '' && qualifier === d.version);
    });
    if (matches.length === 0) return undefined;
    // Exact resource/singular/short-name matches beat kind matches; core group first.
    return matches.sort((a, b) => rank(a) - rank(b))[0];
  }
}

const GROUP_ORDER = ['', 'apps', 'batch', 'autoscaling', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io'];

function rank(d: KindDef): number {
  const i = GROUP_ORDER.indexOf(d.group);
  return i < 0 ? GROUP_ORDER.length : i;
}
